import { ApiProperty } from '@nestjs/swagger';
import { DEPOSIT_STATUSES, DepositStatus } from '@glimmer/contracts/credit/deposit.messages';
import {
  PAYMENT_NOTICE_OUTCOMES,
  PaymentNoticeOutcome,
} from '@glimmer/contracts/credit/payment-notice.messages';

export class ExpectedPaymentDto {
  @ApiProperty({ example: 250000 })
  amount: number;
  @ApiProperty({ example: 'USD' })
  currency: string;
}

/**
 * A payment that arrived and cleared nothing: what came, what the deposit expected, and why
 * (`amount_mismatch`, `currency_mismatch`, `deposit_voided` — late funds after a void —,
 * `already_paid` — a second payment). Ops refund it or re-open the credit by hand.
 */
export class UnmatchedPaymentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'pay_3P8xQ2' })
  providerReference: string;
  @ApiProperty({ format: 'uuid' })
  creditInvoiceId: string;
  @ApiProperty({ format: 'uuid' })
  depositId: string;
  @ApiProperty({ format: 'uuid' })
  brandId: string;
  @ApiProperty({ description: 'What arrived, minor units', example: 240000 })
  amount: number;
  @ApiProperty({ example: 'USD' })
  currency: string;
  @ApiProperty({ enum: PAYMENT_NOTICE_OUTCOMES, enumName: 'PaymentNoticeOutcome' })
  outcome: PaymentNoticeOutcome;
  @ApiProperty({ type: ExpectedPaymentDto, description: "The deposit's amount and currency" })
  expected: ExpectedPaymentDto;
  @ApiProperty({ enum: DEPOSIT_STATUSES, enumName: 'DepositStatus' })
  depositStatus: DepositStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  signedAt: string | null;
  @ApiProperty({ format: 'date-time' })
  receivedAt: string;
}

export class UnmatchedPaymentPageDto {
  @ApiProperty({ type: [UnmatchedPaymentDto] })
  data: UnmatchedPaymentDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
