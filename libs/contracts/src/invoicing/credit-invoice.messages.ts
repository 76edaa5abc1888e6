import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IntersectionType } from '@nestjs/mapped-types';
import { rpcContract } from '../contract';
import { Page, PageQuery } from '../page';
import { ActorRequest } from '../validation';

export const CREDIT_INVOICE_STATUSES = ['unpaid', 'paid', 'void'] as const;
export type CreditInvoiceStatus = (typeof CREDIT_INVOICE_STATUSES)[number];

/** The invoice a brand's finance contact receives the moment credit starts pending. */
export interface CreditInvoiceView {
  id: string;
  depositId: string;
  costCodeId: string;
  costCode: string;
  amount: number;
  currency: string;
  status: CreditInvoiceStatus;
  issuedAt: string;
  paidAt: string | null;
  voidedAt: string | null;
}

export class ListCreditInvoicesRequest extends IntersectionType(ActorRequest, PageQuery) {
  @ApiPropertyOptional({ enum: CREDIT_INVOICE_STATUSES, enumName: 'CreditInvoiceStatus' })
  @IsOptional()
  @IsIn(CREDIT_INVOICE_STATUSES)
  status?: CreditInvoiceStatus;
}

export class GetCreditInvoiceRequest extends ActorRequest {
  @IsUUID()
  creditInvoiceId: string;
}

export const ListCreditInvoicesRpc = rpcContract<
  ListCreditInvoicesRequest,
  Page<CreditInvoiceView>
>('invoicing', 'invoicing.credit-invoice.list.v1', ListCreditInvoicesRequest);
export const GetCreditInvoiceRpc = rpcContract<GetCreditInvoiceRequest, CreditInvoiceView>(
  'invoicing',
  'invoicing.credit-invoice.get.v1',
  GetCreditInvoiceRequest,
);
