import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID, Matches } from 'class-validator';
import {
  PaymentNoticeOutcome,
  PROVIDER_REFERENCE_PATTERN,
} from '@glimmer/contracts/credit/payment-notice.messages';
import { IsMinorAmount } from '@glimmer/money/money.validators';

export const PAYMENT_NOTICE_TYPES = ['credit_invoice.paid'] as const;

/**
 * The payment provider's notice that money arrived for a credit invoice. Kept apart from the
 * contract's ReceivePaymentRequest on purpose: this is the provider's wire format (its `type`,
 * messages addressed to its integrators), and `signedAt` comes from the signature header, not
 * the body.
 */
export class PaymentNoticeDto {
  @ApiProperty({ enum: PAYMENT_NOTICE_TYPES, enumName: 'PaymentNoticeType' })
  @IsIn(PAYMENT_NOTICE_TYPES)
  type: (typeof PAYMENT_NOTICE_TYPES)[number];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  creditInvoiceId: string;

  @ApiProperty({
    description:
      'What arrived, in minor units; only the credit invoice’s exact amount clears its deposit',
    example: 250000,
  })
  @IsMinorAmount()
  amount: number;

  @ApiProperty({ description: 'ISO 4217 code of what arrived', example: 'USD' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code (three capitals)' })
  currency: string;

  @ApiProperty({
    description:
      'The provider’s id for this payment: a notice repeated with it is answered as the first and changes nothing',
    example: 'pay_3P8xQ2',
    maxLength: 200,
  })
  @Matches(PROVIDER_REFERENCE_PATTERN, {
    message: 'providerReference must be 1 to 200 printable characters without spaces',
  })
  providerReference: string;
}

export class PaymentNoticeAcceptedDto {
  @ApiProperty({ example: true })
  received: true;

  @ApiProperty({ format: 'uuid' })
  creditInvoiceId: string;

  @ApiProperty({ format: 'uuid', description: 'The recorded notice' })
  paymentNoticeId: string;

  @ApiProperty({ enum: ['applied'], description: 'The payment confirmed the deposit’s funds' })
  outcome: Extract<PaymentNoticeOutcome, 'applied'>;
}
