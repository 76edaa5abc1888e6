import type { CreditInvoiceNotice } from '@glimmer/contracts/invoicing/credit-invoice.events';
import type {
  CreatorJoined,
  InviteSent,
  OfferSent,
} from '@glimmer/contracts/network/network.events';
import { formatMoney } from '@glimmer/money/money';

export type CreditInvoiceEmail =
  | { template: 'credit-invoice-issued'; notice: CreditInvoiceNotice }
  | { template: 'credit-invoice-paid'; notice: CreditInvoiceNotice }
  | { template: 'credit-invoice-voided'; notice: CreditInvoiceNotice };

export type NetworkEmail =
  | { template: 'network-invite'; invite: InviteSent }
  | { template: 'network-creator-joined'; joined: CreatorJoined & { notifyEmail: string } }
  | { template: 'network-offer-sent'; offer: OfferSent };

/** What a send-email job carries: which template, and the facts it needs (plain JSON). */
export type EmailMessage = CreditInvoiceEmail | NetworkEmail;

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

function networkInvite(i: InviteSent): RenderedEmail {
  return email(i.email, `${i.brandName} invited you to Glimmer`, [
    'Hello,',
    `${i.brandName} invited you to join their network on Glimmer, where they can hire you, ` +
      'sign contracts with you and pay you quickly.',
    ...(i.message ? [`Their message: ${i.message}`] : []),
    `Accept the invite and create your profile: ${i.acceptUrl}`,
    `Invite token: ${i.token}\nThis invite expires at ${i.expiresAt}. If you were not expecting it, ignore this email.`,
    SIGNATURE,
  ]);
}

function creatorJoined(j: CreatorJoined & { notifyEmail: string }): RenderedEmail {
  return email(j.notifyEmail, `${j.creatorName} joined your network`, [
    'Hello,',
    `${j.creatorName} (${j.creatorEmail}) accepted your invite and is now one of ${j.brandName}'s ` +
      'in-network creators. Find them on your My Network page to hire them.',
    `Creator: ${j.creatorId}\nJoined: ${j.joinedAt}`,
    SIGNATURE,
  ]);
}

function offerSent(o: OfferSent): RenderedEmail {
  const fee = formatMoney(o.fee, o.currency);
  return email(o.creatorEmail, `${o.brandName} made you an offer: ${o.title}`, [
    `Hello ${o.creatorName},`,
    `${o.brandName} would like to hire you for "${o.title}" for ${fee}, due ${o.dueDate}.`,
    'Sign in to Glimmer to read the brief, then accept and sign the contract, or decline.',
    `Offer: ${o.offerId}\nFee: ${fee}\nDue: ${o.dueDate}`,
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
    case 'network-invite':
      return networkInvite(message.invite);
    case 'network-creator-joined':
      return creatorJoined(message.joined);
    case 'network-offer-sent':
      return offerSent(message.offer);
  }
}
