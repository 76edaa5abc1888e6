import { IsUUID } from 'class-validator';
import { IsMinorAmount, IsSupportedCurrency } from '@glimmer/money/money.validators';
import { rpcContract } from '../contract';

/**
 * Draw available credit from a brand's cost code to pay a project invoice (service to service:
 * invoicing has already checked the brand, the invoice and what is due). `paymentId` is the
 * idempotency key: drawing for one payment twice returns the first draw.
 */
export class DrawForInvoiceRequest {
  @IsUUID()
  paymentId: string;

  @IsUUID()
  brandId: string;

  @IsSupportedCurrency()
  currency: string;

  @IsUUID()
  invoiceId: string;

  @IsUUID()
  costCodeId: string;

  @IsMinorAmount()
  amount: number;
}

export interface InvoiceDrawView {
  paymentId: string;
  invoiceId: string;
  costCodeId: string;
  amount: number;
  currency: string;
  /** The ledger transaction that moved the credit. */
  transactionId: string;
  createdAt: string;
}

export const DrawForInvoiceRpc = rpcContract<DrawForInvoiceRequest, InvoiceDrawView>(
  'credit',
  'credit.invoice-draw.create.v1',
  DrawForInvoiceRequest,
);
