import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { IntersectionType } from '@nestjs/mapped-types';
import { IsMinorAmount } from '@glimmer/money/money.validators';
import { rpcContract } from '../contract';
import { Page, PageQuery } from '../page';
import { ActorRequest, IDEMPOTENCY_KEY_PATTERN } from '../validation';

export const PROJECT_INVOICE_STATUSES = ['unpaid', 'partially_paid', 'paid', 'void'] as const;
export type ProjectInvoiceStatus = (typeof PROJECT_INVOICE_STATUSES)[number];

/** One application of credit to a project invoice. */
export interface InvoicePaymentView {
  id: string;
  costCodeId: string;
  amount: number;
  at: string;
}

/** The invoice a brand receives when one of its projects is completed by both parties. */
export interface ProjectInvoiceView {
  id: string;
  projectId: string;
  brandId: string;
  creatorId: string;
  title: string;
  /** The offer's cost code, where the project's spend is booked. */
  costCodeId: string;
  /** Cost codes credit may be drawn from: the offer's, plus any the brand attached. */
  attachedCostCodeIds: string[];
  storyCode: string;
  amount: number;
  amountPaid: number;
  amountDue: number;
  currency: string;
  status: ProjectInvoiceStatus;
  issuedAt: string;
  paidAt: string | null;
  voidedAt: string | null;
  payments: InvoicePaymentView[];
}

export class ListProjectInvoicesRequest extends IntersectionType(ActorRequest, PageQuery) {
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

export class GetProjectInvoiceRequest extends ActorRequest {
  @IsUUID()
  invoiceId: string;
}

/**
 * Pay (part of) an invoice with available credit from an attached cost code. No amount means
 * the whole amount due. The key makes a retried request return the first answer.
 */
export class ApplyCreditRequest extends ActorRequest {
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey: string;

  @IsUUID()
  invoiceId: string;

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

/** Let credit from another of the brand's cost codes pay this invoice. */
export class AttachCostCodeRequest extends ActorRequest {
  @IsUUID()
  invoiceId: string;

  @ApiProperty({ format: 'uuid', description: "One of the brand's cost codes" })
  @IsUUID()
  costCodeId: string;
}

/** The invoice (if any) of each project the actor can see: for project views and dashboards. */
export class InvoicesForProjectsRequest extends ActorRequest {
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  projectIds: string[];
}

export interface ProjectInvoiceSummary {
  projectId: string;
  invoiceId: string;
  status: ProjectInvoiceStatus;
  amountDue: number;
  paidAt: string | null;
}

/**
 * Finish credit applications a crash or a lost reply left half-done (reserved on the invoice,
 * not yet confirmed by the ledger). Called by the scheduler's sweep.
 */
export class ResolveStalePaymentsRequest {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  olderThanMs: number;
}

export const ListProjectInvoicesRpc = rpcContract<
  ListProjectInvoicesRequest,
  Page<ProjectInvoiceView>
>('invoicing', 'invoicing.project-invoice.list.v1', ListProjectInvoicesRequest);
export const GetProjectInvoiceRpc = rpcContract<GetProjectInvoiceRequest, ProjectInvoiceView>(
  'invoicing',
  'invoicing.project-invoice.get.v1',
  GetProjectInvoiceRequest,
);
export const ApplyCreditRpc = rpcContract<ApplyCreditRequest, ProjectInvoiceView>(
  'invoicing',
  'invoicing.project-invoice.apply-credit.v1',
  ApplyCreditRequest,
);
export const AttachCostCodeRpc = rpcContract<AttachCostCodeRequest, ProjectInvoiceView>(
  'invoicing',
  'invoicing.project-invoice.attach-cost-code.v1',
  AttachCostCodeRequest,
);
export const InvoicesForProjectsRpc = rpcContract<
  InvoicesForProjectsRequest,
  { data: ProjectInvoiceSummary[] }
>('invoicing', 'invoicing.project-invoice.for-projects.v1', InvoicesForProjectsRequest);
export const ResolveStalePaymentsRpc = rpcContract<
  ResolveStalePaymentsRequest,
  { resolved: number; applied: number; rejected: number }
>('invoicing', 'invoicing.invoice-payment.resolve-stale.v1', ResolveStalePaymentsRequest);
