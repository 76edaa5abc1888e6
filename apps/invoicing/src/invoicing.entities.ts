import { OUTBOX_INBOX_TABLES } from '@glimmer/messaging/outbox/outbox.sql';
import { BillingProfile } from './billing-profiles/billing-profile.entity';
import { CreditInvoice } from './credit-invoices/credit-invoice.entity';
import { InvoicePayment } from './project-invoices/invoice-payment.entity';
import { ProjectInvoiceCostCode } from './project-invoices/project-invoice-cost-code.entity';
import { ProjectInvoice } from './project-invoices/project-invoice.entity';

/** Entities MikroORM discovers for the invoicing schema. */
export const INVOICING_ENTITIES: Function[] = [
  BillingProfile,
  CreditInvoice,
  ProjectInvoice,
  ProjectInvoiceCostCode,
  InvoicePayment,
];

/** Tables of this schema written with SQL on purpose: no entity, left out of the schema diff. */
export const INVOICING_SQL_TABLES: readonly string[] = [...OUTBOX_INBOX_TABLES];
