import { createHmac, randomUUID } from 'node:crypto';
import { eventually } from '@glimmer/testing/eventually';
import type { SmtpCapture } from '@glimmer/testing/smtp-capture';
import { Api } from './http';
import { OPS, systemAt, WEBHOOK_SECRET } from './system';

export interface SignedUpBrand {
  id: string;
  api: Api;
  /** The admin's access token, for requests the Api helper does not make (raw fetch). */
  token: string;
  adminEmail: string;
  /** The admin's password (re-authentication, fresh sessions). */
  password: string;
  financeEmail: string;
  currency: string;
}

/**
 * Signs a brand up, opens the verification link its admin is emailed (so the brand may deposit
 * and invite), and logs the admin in, through the public API.
 */
export async function signUpBrand(
  anon: Api,
  overrides: { currency?: string; name?: string } = {},
): Promise<SignedUpBrand> {
  const tag = randomUUID().slice(0, 8);
  const adminEmail = `admin-${tag}@brand.test`;
  const financeEmail = `finance-${tag}@brand.test`;
  const password = `password-${tag}`;
  const signup = await anon.post('/v1/brands', {
    name: overrides.name ?? `Brand ${tag}`,
    currency: overrides.currency ?? 'USD',
    financeEmail,
    admin: { name: `Admin ${tag}`, email: adminEmail, password },
  });
  if (signup.status !== 201)
    throw new Error(`signup failed: ${signup.status} ${JSON.stringify(signup.body)}`);
  const verified = await anon.post(
    '/v1/auth/verify-email',
    { token: await verificationToken(anon, adminEmail) },
    null,
  );
  if (verified.status !== 200)
    throw new Error(`verify-email failed: ${verified.status} ${JSON.stringify(verified.body)}`);
  const token = await login(anon, adminEmail, password);
  return {
    id: signup.body.id,
    api: anon.as(token),
    token,
    adminEmail,
    password,
    financeEmail,
    currency: signup.body.currency,
  };
}

/** The link in the newest "Verify your email" message to `email` (the system's SMTP capture). */
export async function verificationLink(baseUrl: string, email: string): Promise<string> {
  const { smtp } = systemAt(baseUrl);
  await smtp.waitFor(email, /^Verify your email/);
  const mail = smtp.messages
    .filter((m) => m.to.includes(email) && /^Verify/.test(m.subject))
    .pop()!;
  const link = /(https?:\/\/\S+\/verify-email\?token=\S+)/.exec(mail.text)?.[1];
  if (!link) throw new Error(`no verification link in: ${mail.text}`);
  return link;
}

export async function verificationToken(anon: Api, email: string): Promise<string> {
  return new URL(await verificationLink(anon.baseUrl, email)).searchParams.get('token')!;
}

export async function login(anon: Api, email: string, password: string): Promise<string> {
  const res = await anon.post('/v1/auth/login', { email, password }, null);
  if (res.status !== 200)
    throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

export async function loginOps(anon: Api): Promise<Api> {
  return anon.as(await login(anon, OPS.email, OPS.password));
}

/** The provider's `Glimmer-Signature`: `t=<unix seconds>,v1=<HMAC-SHA256 of "<t>.<body>">`. */
export function signWebhook(rawBody: string, secret = WEBHOOK_SECRET, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${rawBody}`).digest('hex')}`;
}

/** What a payment notice says arrived; by default exactly what the credit invoice asks. */
export interface PaymentNotice {
  creditInvoiceId: string;
  amount: number;
  currency: string;
  providerReference?: string;
}

/**
 * The payment provider telling Glimmer money arrived for a credit invoice (a deposit or a
 * credit invoice from the API has all three fields). `signedAt` backdates the signature, as a
 * replay of a captured notice would be; `raw` is the exact body to resend.
 */
export async function paymentArrived(
  anon: Api,
  payment: PaymentNotice,
  options: { signedAt?: Date; raw?: string } = {},
) {
  const raw =
    options.raw ??
    JSON.stringify({
      type: 'credit_invoice.paid',
      creditInvoiceId: payment.creditInvoiceId,
      amount: payment.amount,
      currency: payment.currency,
      providerReference: payment.providerReference ?? `pay_${randomUUID()}`,
    });
  return anon.request('POST', '/v1/webhooks/payments', undefined, {
    raw,
    headers: { 'glimmer-signature': signWebhook(raw, WEBHOOK_SECRET, options.signedAt) },
  });
}

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A new cost code holding `amount` of cleared credit (the provider's webhook confirms it). */
export async function fundedCostCode(
  anon: Api,
  brand: SignedUpBrand,
  code: string,
  amount: number,
): Promise<string> {
  const deposit = await brand.api.post('/v1/credit/deposits', {
    amount,
    costCode: { code, name: `${code} budget` },
  });
  if (deposit.status !== 201)
    throw new Error(`deposit failed: ${deposit.status} ${JSON.stringify(deposit.body)}`);
  const arrived = await paymentArrived(anon, deposit.body);
  if (arrived.status !== 202) throw new Error(`webhook refused: ${arrived.status}`);
  const costCodeId: string = deposit.body.costCodeId;
  await eventually(async () => {
    const { available } = (await brand.api.get(`/v1/cost-codes/${costCodeId}`)).body;
    if (available !== amount) throw new Error(`${code} available ${available}, not ${amount}`);
  });
  return costCodeId;
}

export interface OnboardedCreator {
  id: string;
  email: string;
  password: string;
  /** The creator's access token (for requests the Api helper does not make, like uploads). */
  token: string;
  api: Api;
}

/** Invites a creator into `brand`'s network; they accept from the emailed token and log in. */
export async function onboardCreator(
  anon: Api,
  smtp: SmtpCapture,
  brand: SignedUpBrand,
  name: string,
): Promise<OnboardedCreator> {
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID().slice(0, 8)}@creator.test`;
  const invite = await brand.api.post('/v1/invites', { email });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status}`);
  const mail = await smtp.waitFor(email, /invited you to Glimmer/);
  const inviteToken = /Invite token: (\S+)/.exec(mail.text)![1];
  const password = 'creator-pass-123';
  const accepted = await anon.post('/v1/invites/accept', { token: inviteToken, name, password });
  if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status}`);
  const token = await login(anon, email, password);
  return { id: accepted.body.creatorId, email, password, token, api: anon.as(token) };
}

/** Hire → the creator accepts and signs → both complete: returns the project's invoice. */
export async function completedProjectInvoice(
  brand: SignedUpBrand,
  creator: OnboardedCreator,
  { fee, costCodeId, storyCode }: { fee: number; costCodeId: string; storyCode: string },
): Promise<{ id: string; projectId: string; amount: number }> {
  const offer = await brand.api.post('/v1/offers', {
    creatorId: creator.id,
    title: `Campaign ${storyCode}`,
    brief: 'Photos of the collection',
    fee,
    dueDate: inDays(20),
    costCodeId,
    storyCode,
  });
  if (offer.status !== 201) throw new Error(`offer failed: ${offer.status}`);
  const signed = await creator.api.post(`/v1/offers/${offer.body.id}/accept`, {
    signatureName: 'Creator Signature',
  });
  if (signed.status !== 200) throw new Error(`signing failed: ${signed.status}`);
  const projectId: string = signed.body.project.id;
  for (const party of [creator.api, brand.api]) {
    const done = await party.post(`/v1/projects/${projectId}/complete`);
    if (done.status !== 200) throw new Error(`complete failed: ${done.status}`);
  }
  return eventually(async () => {
    const list = await brand.api.get('/v1/invoices');
    const found = list.body.data?.find((i: { projectId: string }) => i.projectId === projectId);
    if (!found) throw new Error(`no invoice yet for project ${projectId}`);
    return { id: found.id, projectId, amount: found.amount };
  });
}
