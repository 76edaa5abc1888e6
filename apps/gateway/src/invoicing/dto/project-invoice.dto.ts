import { ApiProperty, IntersectionType, PickType } from '@nestjs/swagger';
import {
  ApplyCreditRequest,
  AttachCostCodeRequest,
  ListProjectInvoicesRequest,
  PROJECT_INVOICE_STATUSES,
  ProjectInvoiceStatus,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { PageQueryDto } from '../../credit/dto/cost-code.dto';

/** The page query and the contract's ListProjectInvoicesRequest filters. */
export class ProjectInvoiceQueryDto extends IntersectionType(
  PageQueryDto,
  PickType(ListProjectInvoicesRequest, ['status', 'costCodeId', 'storyCode'] as const),
) {}

/** The contract's ApplyCreditRequest without the invoice (the path's), actor and key (header). */
export class ApplyCreditDto extends PickType(ApplyCreditRequest, [
  'costCodeId',
  'amount',
] as const) {}

/** The contract's AttachCostCodeRequest without the invoice (the path's) and the actor. */
export class AttachCostCodeDto extends PickType(AttachCostCodeRequest, ['costCodeId'] as const) {}

export class InvoicePaymentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  costCodeId: string;
  @ApiProperty()
  amount: number;
  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class CreditSourceDto {
  @ApiProperty({ format: 'uuid' })
  costCodeId: string;
  @ApiProperty()
  code: string;
  @ApiProperty({ description: 'Available credit now, minor units' })
  available: number;
}

export class ProjectInvoiceDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  projectId: string;
  @ApiProperty({ format: 'uuid' })
  brandId: string;
  @ApiProperty({ format: 'uuid' })
  creatorId: string;
  @ApiProperty()
  title: string;
  @ApiProperty({ format: 'uuid' })
  costCodeId: string;
  @ApiProperty({ type: [String], description: 'Cost codes credit may be drawn from' })
  attachedCostCodeIds: string[];
  @ApiProperty()
  storyCode: string;
  @ApiProperty()
  amount: number;
  @ApiProperty()
  amountPaid: number;
  @ApiProperty()
  amountDue: number;
  @ApiProperty()
  currency: string;
  @ApiProperty({ enum: PROJECT_INVOICE_STATUSES, enumName: 'ProjectInvoiceStatus' })
  status: ProjectInvoiceStatus;
  @ApiProperty({ format: 'date-time' })
  issuedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  paidAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  voidedAt: string | null;
  @ApiProperty({ type: [InvoicePaymentDto] })
  payments: InvoicePaymentDto[];

  /** What the Apply Credit button needs. */
  @ApiProperty({
    description:
      'True when something is due and an attached cost code has available credit right now',
  })
  canApplyCredit: boolean;

  @ApiProperty({ type: [CreditSourceDto], description: 'Attached cost codes with their credit' })
  creditSources: CreditSourceDto[];
}

export class ProjectInvoicePageDto {
  @ApiProperty({ type: [ProjectInvoiceDto] })
  data: ProjectInvoiceDto[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
