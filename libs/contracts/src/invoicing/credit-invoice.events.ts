import { IsEmail, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';
import { IsMinorAmount, IsSupportedCurrency } from '@glimmer/money/money.validators';
import { eventContract } from '../contract';
import { CREDIT_INVOICE_STATUSES, CreditInvoiceStatus } from './credit-invoice.messages';

/** A credit invoice after a change, with who to tell about it. */
export class CreditInvoiceNotice {
  @IsUUID()
  creditInvoiceId: string;

  @IsUUID()
  brandId: string;

  @IsString()
  brandName: string;

  @IsEmail()
  financeEmail: string;

  @IsUUID()
  depositId: string;

  @IsString()
  costCode: string;

  @IsMinorAmount()
  amount: number;

  @IsSupportedCurrency()
  currency: string;

  @IsIn(CREDIT_INVOICE_STATUSES)
  status: CreditInvoiceStatus;

  @IsInt()
  version: number;

  @IsISO8601()
  issuedAt: string;

  @IsOptional()
  @IsISO8601()
  paidAt: string | null;

  @IsOptional()
  @IsISO8601()
  voidedAt: string | null;
}

export const CreditInvoiceIssuedEvent = eventContract(
  'invoicing',
  'invoicing.credit-invoice.issued.v1',
  CreditInvoiceNotice,
);
export const CreditInvoicePaidEvent = eventContract(
  'invoicing',
  'invoicing.credit-invoice.paid.v1',
  CreditInvoiceNotice,
);
export const CreditInvoiceVoidedEvent = eventContract(
  'invoicing',
  'invoicing.credit-invoice.voided.v1',
  CreditInvoiceNotice,
);
