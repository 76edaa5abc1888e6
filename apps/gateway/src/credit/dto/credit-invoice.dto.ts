import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import {
  CREDIT_INVOICE_STATUSES,
  CreditInvoiceStatus,
  ListCreditInvoicesRequest,
} from '@glimmer/contracts/invoicing/credit-invoice.messages';
import { PageQueryDto } from './cost-code.dto';

/** The page query and the contract's ListCreditInvoicesRequest filter. */
export class CreditInvoiceQueryDto extends IntersectionType(
  PageQueryDto,
  PickType(ListCreditInvoicesRequest, ['status'] as const),
) {}

export class CreditInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  depositId: string;

  @ApiProperty({ format: 'uuid' })
  costCodeId: string;

  @ApiProperty({ description: 'The cost code' })
  costCode: string;

  @ApiProperty()
  amount: number;

  @ApiProperty()
  currency: string;

  @ApiProperty({ enum: CREDIT_INVOICE_STATUSES, enumName: 'CreditInvoiceStatus' })
  status: CreditInvoiceStatus;

  @ApiProperty({ format: 'date-time' })
  issuedAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  paidAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  voidedAt: string | null;
}

export class CreditInvoicePageDto {
  @ApiProperty({ type: [CreditInvoiceDto] })
  data: CreditInvoiceDto[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class VoidedCreditInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['void'] })
  status: 'void';

  @ApiProperty({ format: 'uuid' })
  depositId: string;

  @ApiProperty({ description: 'The pending credit removed from the cost code, in minor units' })
  pendingCreditRemoved: number;

  @ApiProperty()
  currency: string;
}
