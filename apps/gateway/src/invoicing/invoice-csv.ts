import type { ProjectInvoiceView } from '@glimmer/contracts/invoicing/project-invoice.messages';
import { toMajorUnits } from '@glimmer/money/money';

/** Columns of the invoice export, in order: what a finance team reconciles against. */
const COLUMNS: [string, (invoice: ProjectInvoiceView) => string | number | null][] = [
  ['invoice_id', (i) => i.id],
  ['project_id', (i) => i.projectId],
  ['title', (i) => i.title],
  ['cost_code_id', (i) => i.costCodeId],
  ['story_code', (i) => i.storyCode],
  ['currency', (i) => i.currency],
  ['amount', (i) => toMajorUnits(i.amount, i.currency)],
  ['amount_paid', (i) => toMajorUnits(i.amountPaid, i.currency)],
  ['amount_due', (i) => toMajorUnits(i.amountDue, i.currency)],
  ['status', (i) => i.status],
  ['issued_at', (i) => i.issuedAt],
  ['paid_at', (i) => i.paidAt],
];

export const INVOICE_CSV_HEADER = `${COLUMNS.map(([name]) => name).join(',')}\r\n`;

/**
 * RFC 4180 quoting, and a leading quote on anything a spreadsheet would run as a formula
 * (titles and story codes are typed by users).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function invoiceCsvRow(invoice: ProjectInvoiceView): string {
  return `${COLUMNS.map(([, read]) => csvCell(read(invoice))).join(',')}\r\n`;
}
