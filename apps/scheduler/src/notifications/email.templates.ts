import type { EmailVerificationRequested } from '@glimmer/contracts/identity/email-verification.event';
import type { CreditInvoiceNotice } from '@glimmer/contracts/invoicing/credit-invoice.events';
import type { ProjectInvoiceIssued } from '@glimmer/contracts/invoicing/project-invoice.events';
import type {
  CreatorJoined,
  InviteSent,
  OfferSent,
} from '@glimmer/contracts/network/network.events';
import type {
  PayoutFailed,
  PayoutNotice,
  PayoutNeedsMethod,
  PayoutPaid,
  PayoutScheduled,
} from '@glimmer/contracts/payout/payout.events';
import type { PayoutMethodChanged } from '@glimmer/contracts/payout/payout-method.events';
import { formatMoney } from '@glimmer/money/money';

export type CreditInvoiceEmail =
  | { template: 'credit-invoice-issued'; notice: CreditInvoiceNotice }
  | { template: 'credit-invoice-paid'; notice: CreditInvoiceNotice }
  | { template: 'credit-invoice-voided'; notice: CreditInvoiceNotice };

/** What the invite email shows: the event's facts and the link creator-network made for it. */
export type InviteEmailFacts = Omit<InviteSent, 'nonce'> & { token: string; acceptUrl: string };

export type NetworkEmail =
  /**
   * Queued per invite event: the nonce, never the token. The worker asks creator-network for
   * the link at send time (InviteLinkRpc), so the job in Redis holds nothing usable.
   */
  | { template: 'network-invite-link'; invite: InviteSent }
  /**
   * The rendered invite. Also what jobs queued before network.invite.sent.v2 carry (with the
   * token); they still send.
   */
  | { template: 'network-invite'; invite: InviteEmailFacts }
  | { template: 'network-creator-joined'; joined: CreatorJoined & { notifyEmail: string } }
  | { template: 'network-offer-sent'; offer: OfferSent };

export type ProjectInvoiceEmail = {
  template: 'project-invoice-issued';
  invoice: ProjectInvoiceIssued;
};

export type PayoutEmail =
  | { template: 'payout-scheduled'; payout: PayoutScheduled }
  | { template: 'payout-needs-method'; payout: PayoutNeedsMethod }
  | { template: 'payout-paid'; payout: PayoutPaid }
  | { template: 'payout-failed'; payout: PayoutFailed };

export type IdentityEmail = {
  template: 'email-verification';
  verification: EmailVerificationRequested;
};
export type PayoutMethodEmail = { template: 'payout-method-changed'; change: PayoutMethodChanged };

/**
 * What a send-email job carries: which template, and the facts it needs (plain JSON). Jobs
 * already queued keep their shape: add templates, never change or remove one.
 */
export type EmailMessage =
  | CreditInvoiceEmail
  | NetworkEmail
  | ProjectInvoiceEmail
  | PayoutEmail
  | IdentityEmail
  | PayoutMethodEmail;

/** A message with every fact in hand: what renderEmail takes (the worker resolves the rest). */
export type ResolvedEmail = Exclude<EmailMessage, { template: 'network-invite-link' }>;

export interface RenderedEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Credentials in the body (an invite token): sent, but never logged. */
  secrets?: string[];
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

/**
 * The page of the web app an email is about, under APP_URL (which may carry a path prefix).
 * Every email links to the page where its reader acts on it.
 */
export function appLink(appUrl: string, path: string): string {
  const base = appUrl.endsWith('/') ? appUrl : `${appUrl}/`;
  return new URL(path.replace(/^\/+/, ''), base).toString();
}

function creditInvoiceIssued(n: CreditInvoiceNotice, appUrl: string): RenderedEmail {
  const amount = formatMoney(n.amount, n.currency);
  return email(n.financeEmail, `Credit invoice ${n.creditInvoiceId} issued: ${amount}`, [
    `Hello ${n.brandName} finance team,`,
    `${n.brandName} added ${amount} of credit to cost code ${n.costCode}. Please pay this credit invoice; ` +
      `the credit stays pending until the funds clear.`,
    `Credit invoice: ${n.creditInvoiceId}\nAmount: ${amount}\nCost code: ${n.costCode}\nIssued: ${n.issuedAt}`,
    `See your credit and its invoices: ${appLink(appUrl, '/reports/credits')}`,
    SIGNATURE,
  ]);
}

function creditInvoicePaid(n: CreditInvoiceNotice, appUrl: string): RenderedEmail {
  const amount = formatMoney(n.amount, n.currency);
  return email(n.financeEmail, `Credit invoice ${n.creditInvoiceId} paid: ${amount}`, [
    `Hello ${n.brandName} finance team,`,
    `We received the funds for credit invoice ${n.creditInvoiceId}. ${amount} of credit on cost code ` +
      `${n.costCode} becomes available once the funds clear.`,
    `Credit invoice: ${n.creditInvoiceId}\nAmount: ${amount}\nCost code: ${n.costCode}\nPaid: ${n.paidAt ?? '-'}`,
    `See your credit and its invoices: ${appLink(appUrl, '/reports/credits')}`,
    SIGNATURE,
  ]);
}

function creditInvoiceVoided(n: CreditInvoiceNotice, appUrl: string): RenderedEmail {
  const amount = formatMoney(n.amount, n.currency);
  return email(n.financeEmail, `Credit invoice ${n.creditInvoiceId} is VOID`, [
    `Hello ${n.brandName} finance team,`,
    `Credit invoice ${n.creditInvoiceId} for ${amount} is now VOID: ${n.brandName} cancelled this credit. ` +
      `Do not pay it; if a payment is already on its way, contact us.`,
    `The pending credit of ${amount} was removed from cost code ${n.costCode}.`,
    `Credit invoice: ${n.creditInvoiceId}\nAmount: ${amount}\nCost code: ${n.costCode}\nVoided: ${n.voidedAt ?? '-'}`,
    `See your credit and its invoices: ${appLink(appUrl, '/reports/credits')}`,
    SIGNATURE,
  ]);
}

function networkInvite(i: InviteEmailFacts): RenderedEmail {
  const mail = email(i.email, `${i.brandName} invited you to Glimmer`, [
    'Hello,',
    `${i.brandName} invited you to join their network on Glimmer, where they can hire you, ` +
      'sign contracts with you and pay you quickly.',
    ...(i.message ? [`Their message: ${i.message}`] : []),
    `Accept the invite and create your profile: ${i.acceptUrl}`,
    `Invite token: ${i.token}\nThis invite expires at ${i.expiresAt}. If you were not expecting it, ignore this email.`,
    SIGNATURE,
  ]);
  return { ...mail, secrets: [i.token] };
}

/** The one email Glimmer sends a brand member before their address is proven: to that address. */
function emailVerification(v: EmailVerificationRequested, appUrl: string): RenderedEmail {
  const link = appLink(appUrl, `/verify-email?token=${encodeURIComponent(v.token)}`);
  return email(v.email, 'Verify your email address for Glimmer', [
    `Hello ${v.name},`,
    `Confirm that this is your email address to finish setting up ${v.brandName} on Glimmer. ` +
      'Until you do, Glimmer sends no credit invoices or invites on your behalf.',
    `Verify your email: ${link}`,
    `This link works once and expires at ${v.expiresAt}. If you did not sign up, ignore this email: ` +
      'nothing is sent to anyone else.',
    SIGNATURE,
  ]);
}

function creatorJoined(j: CreatorJoined & { notifyEmail: string }, appUrl: string): RenderedEmail {
  return email(j.notifyEmail, `${j.creatorName} joined your network`, [
    'Hello,',
    `${j.creatorName} (${j.creatorEmail}) accepted your invite and is now one of ${j.brandName}'s ` +
      'in-network creators. Find them on your My Network page to hire them.',
    `Creator: ${j.creatorId}\nJoined: ${j.joinedAt}`,
    `See their profile: ${appLink(appUrl, `/network/creators/${j.creatorId}`)}`,
    SIGNATURE,
  ]);
}

function offerSent(o: OfferSent, appUrl: string): RenderedEmail {
  const fee = formatMoney(o.fee, o.currency);
  return email(o.creatorEmail, `${o.brandName} made you an offer: ${o.title}`, [
    `Hello ${o.creatorName},`,
    `${o.brandName} would like to hire you for "${o.title}" for ${fee}, due ${o.dueDate}.`,
    `Read the brief and the contract, then accept and sign it, or decline: ${appLink(appUrl, `/offers/${o.offerId}`)}`,
    `Offer: ${o.offerId}\nFee: ${fee}\nDue: ${o.dueDate}`,
    SIGNATURE,
  ]);
}

function projectInvoiceIssued(i: ProjectInvoiceIssued, appUrl: string): RenderedEmail {
  const amount = formatMoney(i.amount, i.currency);
  return email(i.financeEmail, `Project invoice issued: ${i.title} (${amount})`, [
    `Hello ${i.brandName} finance team,`,
    `The project "${i.title}" has been completed by your team and the creator, so we issued its ` +
      `invoice for ${amount}. Pay it with available credit from the project's cost code, or from ` +
      'another cost code you attach to it; the creator is paid once it is fully paid.',
    `Project invoice: ${i.invoiceId}\nProject: ${i.title}\nAmount: ${amount}\n` +
      `Cost code: ${i.costCodeId}\nStory code: ${i.storyCode}\nIssued: ${i.issuedAt}`,
    `Apply credit to it: ${appLink(appUrl, '/reports/invoices')}`,
    `The project: ${appLink(appUrl, `/projects/${i.projectId}`)}`,
    SIGNATURE,
  ]);
}

function payoutFacts(p: PayoutNotice, amount: string): string {
  return `Payout: ${p.payoutId}\nProject: ${p.projectTitle}\nAmount: ${amount}`;
}

function payoutScheduled(p: PayoutScheduled, appUrl: string): RenderedEmail {
  const amount = formatMoney(p.amount, p.currency);
  return email(p.creatorEmail, `You will be paid ${amount} by ${p.expectedDate}`, [
    `Hello ${p.creatorName},`,
    `Good news: the invoice for "${p.projectTitle}" has been paid, and your payment of ${amount} ` +
      `is scheduled. We expect it to reach you by ${p.expectedDate}.`,
    'You can follow it on your Glimmer dashboard. We will email you again once it has been sent.',
    `Your dashboard: ${appLink(appUrl, '/dashboard')}`,
    `${payoutFacts(p, amount)}\nExpected by: ${p.expectedDate}`,
    SIGNATURE,
  ]);
}

function payoutNeedsMethod(p: PayoutNeedsMethod, appUrl: string): RenderedEmail {
  const amount = formatMoney(p.amount, p.currency);
  return email(p.creatorEmail, `Add a payout method to receive ${amount}`, [
    `Hello ${p.creatorName},`,
    `The invoice for "${p.projectTitle}" has been paid and ${amount} is waiting for you, but you ` +
      'have no payout method yet, so we cannot send it.',
    'Sign in to Glimmer and add a payout method under Settings → Payout. We schedule your ' +
      'payment as soon as you do, and email you the date it should arrive.',
    `Add a payout method: ${appLink(appUrl, '/settings/payout')}`,
    payoutFacts(p, amount),
    SIGNATURE,
  ]);
}

function payoutPaid(p: PayoutPaid, appUrl: string): RenderedEmail {
  const amount = formatMoney(p.amount, p.currency);
  return email(p.creatorEmail, `We sent you ${amount}`, [
    `Hello ${p.creatorName},`,
    `We sent your payment of ${amount} for "${p.projectTitle}". Depending on your payout method ` +
      'it can take a little while to show in your account.',
    `Your dashboard: ${appLink(appUrl, '/dashboard')}`,
    `${payoutFacts(p, amount)}\nSent: ${p.paidAt}\nReference: ${p.providerReference}`,
    SIGNATURE,
  ]);
}

function payoutFailed(p: PayoutFailed, appUrl: string): RenderedEmail {
  const amount = formatMoney(p.amount, p.currency);
  return email(p.creatorEmail, `Your payment of ${amount} is delayed: we are on it`, [
    `Hello ${p.creatorName},`,
    `We tried to send your payment of ${amount} for "${p.projectTitle}" but it did not go through. ` +
      'Our team has been alerted and is on it; you do not need to do anything for now.',
    'If we need something from you, such as checking your payout method details, we will contact ' +
      'you. We will email you again once the payment has been sent.',
    `Your dashboard: ${appLink(appUrl, '/dashboard')}`,
    payoutFacts(p, amount),
    SIGNATURE,
  ]);
}

function payoutMethodChanged(c: PayoutMethodChanged, appUrl: string): RenderedEmail {
  const what =
    c.change === 'added'
      ? `A payout method was added to your Glimmer account: ${c.methodName} (${c.country})` +
        (c.preferred ? '. Your payments now go to it.' : '.')
      : `Your payments now go to ${c.methodName} (${c.country}): it was made your preferred payout method.`;
  const details = Object.entries(c.maskedDetails).map(([name, value]) => `${name}: ${value}`);
  return email(
    c.creatorEmail,
    c.change === 'added'
      ? 'A payout method was added to your account'
      : 'Your preferred payout method changed',
    [
      `Hello ${c.creatorName || 'there'},`,
      `${what}`,
      [`Method: ${c.methodName}`, `Country: ${c.country}`, ...details, `When: ${c.changedAt}`].join(
        '\n',
      ),
      'If this was you, there is nothing to do. If it was not, change your password now (that ' +
        'signs out every session), check your payout methods, and contact us.',
      `Your payout methods: ${appLink(appUrl, '/settings/payout')}`,
      SIGNATURE,
    ],
  );
}

/**
 * The email for a queued message. `appUrl` is the web app (APP_URL) its links point into; the
 * invite's link is made by creator-network with its token (INVITE_ACCEPT_URL) and kept as sent.
 */
export function renderEmail(message: ResolvedEmail, appUrl: string): RenderedEmail {
  switch (message.template) {
    case 'credit-invoice-issued':
      return creditInvoiceIssued(message.notice, appUrl);
    case 'credit-invoice-paid':
      return creditInvoicePaid(message.notice, appUrl);
    case 'credit-invoice-voided':
      return creditInvoiceVoided(message.notice, appUrl);
    case 'network-invite':
      return networkInvite(message.invite);
    case 'network-creator-joined':
      return creatorJoined(message.joined, appUrl);
    case 'network-offer-sent':
      return offerSent(message.offer, appUrl);
    case 'project-invoice-issued':
      return projectInvoiceIssued(message.invoice, appUrl);
    case 'payout-scheduled':
      return payoutScheduled(message.payout, appUrl);
    case 'payout-needs-method':
      return payoutNeedsMethod(message.payout, appUrl);
    case 'payout-paid':
      return payoutPaid(message.payout, appUrl);
    case 'payout-failed':
      return payoutFailed(message.payout, appUrl);
    case 'email-verification':
      return emailVerification(message.verification, appUrl);
    case 'payout-method-changed':
      return payoutMethodChanged(message.change, appUrl);
  }
}
