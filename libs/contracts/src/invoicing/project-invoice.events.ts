import { IsEmail, IsISO8601, IsString, IsUUID } from 'class-validator';
import { IsMinorAmount, IsSupportedCurrency } from '@glimmer/money/money.validators';
import { eventContract } from '../contract';

/** A project invoice was issued: the brand's finance contact is emailed. */
export class ProjectInvoiceIssued {
  @IsUUID()
  invoiceId: string;

  @IsUUID()
  projectId: string;

  @IsUUID()
  brandId: string;

  @IsString()
  brandName: string;

  @IsEmail()
  financeEmail: string;

  @IsString()
  title: string;

  @IsUUID()
  costCodeId: string;

  @IsString()
  storyCode: string;

  @IsMinorAmount()
  amount: number;

  @IsSupportedCurrency()
  currency: string;

  @IsISO8601()
  issuedAt: string;
}

/** A project invoice is fully paid: the payout service pays its creator. */
export class ProjectInvoicePaid {
  @IsUUID()
  invoiceId: string;

  @IsUUID()
  projectId: string;

  @IsUUID()
  brandId: string;

  @IsUUID()
  creatorId: string;

  @IsString()
  title: string;

  @IsMinorAmount()
  amount: number;

  @IsSupportedCurrency()
  currency: string;

  @IsISO8601()
  paidAt: string;
}

export const ProjectInvoiceIssuedEvent = eventContract(
  'invoicing',
  'invoicing.project-invoice.issued.v1',
  ProjectInvoiceIssued,
);
export const ProjectInvoicePaidEvent = eventContract(
  'invoicing',
  'invoicing.project-invoice.paid.v1',
  ProjectInvoicePaid,
);
