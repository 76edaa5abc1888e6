import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsMinorAmount } from '@glimmer/money/money.validators';
import {
  PROJECT_INVOICE_STATUSES,
  ProjectInvoiceStatus,
} from '@glimmer/contracts/invoicing/project-invoice.messages';
import { PageQueryDto } from '../../credit/dto/cost-code.dto';

/** Filters of the invoice list and its CSV export. */
export class ProjectInvoiceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: PROJECT_INVOICE_STATUSES, enumName: 'ProjectInvoiceStatus' })
  @IsOptional()
  @IsIn(PROJECT_INVOICE_STATUSES)
  status?: ProjectInvoiceStatus;

  @ApiPropertyOptional({ format: 'uuid', description: "The invoice's or an attached cost code" })
  @IsOptional()
  @IsUUID()
  costCodeId?: string;

  @ApiPropertyOptional({ example: 'SPRING-LAUNCH' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  storyCode?: string;
}

export class ApplyCreditDto {
  @ApiProperty({ format: 'uuid', description: 'A cost code attached to the invoice' })
  @IsUUID()
  costCodeId: string;

  @ApiPropertyOptional({
    description: 'Minor units, > 0 and ≤ the amount due; omitted: the whole amount due',
    example: 25000,
  })
  @IsOptional()
  @IsMinorAmount()
  amount?: number;
}

export class AttachCostCodeDto {
  @ApiProperty({ format: 'uuid', description: "One of the brand's cost codes" })
  @IsUUID()
  costCodeId: string;
}

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
