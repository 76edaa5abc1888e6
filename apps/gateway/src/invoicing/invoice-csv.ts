import type { ProjectInvoiceView } from '@glimmer/contracts/invoicing/project-invoice.messages';
import type { LoggerService } from '@nestjs/common';
import type { Response } from 'express';
import { toDomainError } from '@glimmer/errors/to-domain-error';
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

/** The last line of an export that failed part-way (a CSV comment no row can look like). */
export function csvFailureLine(code: string): string {
  return `# export failed (${code}): this file is incomplete; download it again\r\n`;
}

/**
 * A 200 with part of the file is already on its way when a later page fails, so no
 * problem+json can follow. The export says so in a last line, then destroys the response: the
 * chunked body never gets its terminating chunk, so every HTTP client (fetch, curl, a
 * browser's download) reports a failed transfer instead of a complete file.
 */
export function failCsvStream(res: Response, err: unknown, logger: LoggerService): void {
  const error = toDomainError(err);
  logger.error(`invoice export failed after the first page: ${error.code} ${error.message}`);
  res.write(csvFailureLine(error.code), () => res.destroy());
}
