import type { CreditInvoiceNotice } from '@glimmer/contracts/invoicing/credit-invoice.events';
import { formatMoney } from '@glimmer/money/money';

/** What a send-email job carries: which template, and the facts it needs (plain JSON). */
export type EmailMessage =
  | { template: 'credit-invoice-issued'; notice: CreditInvoiceNotice }
  | { template: 'credit-invoice-paid'; notice: CreditInvoiceNotice }
  | { template: 'credit-invoice-voided'; notice: CreditInvoiceNotice };

export interface RenderedEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Plain text is the source; the HTML part is the same paragraphs, escaped. */
function email(to: string, subject: string, paragraphs: string[]): RenderedEmail {
  return {
    to,
    subject,
    text: `${paragraphs.join('\n\n')}\n`,
    html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n'),
  };
}

const SIGNATURE = '— Glimmer';

function creditInvoiceIssued(n: CreditInvoiceNotice): RenderedEmail {
  const amount = formatMoney(n.amount, n.currency);
  return email(n.financeEmail, `Credit invoice ${n.creditInvoiceId} issued: ${amount}`, [
    `Hello ${n.brandName} finance team,`,
    `${n.brandName} added ${amount} of credit to cost code ${n.costCode}. Please pay this credit invoice; ` +
      `the credit stays pending until the funds clear.`,
    `Credit invoice: ${n.creditInvoiceId}\nAmount: ${amount}\nCost code: ${n.costCode}\nIssued: ${n.issuedAt}`,
    SIGNATURE,
  ]);
}

function creditInvoicePaid(n: CreditInvoiceNotice): RenderedEmail {
  const amount = formatMoney(n.amount, n.currency);
  return email(n.financeEmail, `Credit invoice ${n.creditInvoiceId} paid: ${amount}`, [
    `Hello ${n.brandName} finance team,`,
    `We received the funds for credit invoice ${n.creditInvoiceId}. ${amount} of credit on cost code ` +
      `${n.costCode} becomes available once the funds clear.`,
    `Credit invoice: ${n.creditInvoiceId}\nAmount: ${amount}\nCost code: ${n.costCode}\nPaid: ${n.paidAt ?? '-'}`,
    SIGNATURE,
  ]);
}

function creditInvoiceVoided(n: CreditInvoiceNotice): RenderedEmail {
  const amount = formatMoney(n.amount, n.currency);
  return email(n.financeEmail, `Credit invoice ${n.creditInvoiceId} is VOID`, [
    `Hello ${n.brandName} finance team,`,
    `Credit invoice ${n.creditInvoiceId} for ${amount} is now VOID: ${n.brandName} cancelled this credit. ` +
      `Do not pay it; if a payment is already on its way, contact us.`,
    `The pending credit of ${amount} was removed from cost code ${n.costCode}.`,
    `Credit invoice: ${n.creditInvoiceId}\nAmount: ${amount}\nCost code: ${n.costCode}\nVoided: ${n.voidedAt ?? '-'}`,
    SIGNATURE,
  ]);
}

export function renderEmail(message: EmailMessage): RenderedEmail {
  switch (message.template) {
    case 'credit-invoice-issued':
      return creditInvoiceIssued(message.notice);
    case 'credit-invoice-paid':
      return creditInvoicePaid(message.notice);
    case 'credit-invoice-voided':
      return creditInvoiceVoided(message.notice);
  }
}
