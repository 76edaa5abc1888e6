import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';

export const PAYMENT_NOTICE_TYPES = ['credit_invoice.paid'] as const;

export class PaymentNoticeDto {
  @ApiProperty({ enum: PAYMENT_NOTICE_TYPES, enumName: 'PaymentNoticeType' })
  @IsIn(PAYMENT_NOTICE_TYPES)
  type: (typeof PAYMENT_NOTICE_TYPES)[number];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  creditInvoiceId: string;
}

export class PaymentNoticeAcceptedDto {
  @ApiProperty({ example: true })
  received: true;

  @ApiProperty({ format: 'uuid' })
  creditInvoiceId: string;
}
