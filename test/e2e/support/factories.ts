import { createHmac, randomUUID } from 'node:crypto';
import { Api } from './http';
import { OPS, systemAt, WEBHOOK_SECRET } from './system';

export interface SignedUpBrand {
  id: string;
  api: Api;
  /** The admin's access token, for requests the Api helper does not make (raw fetch). */
  token: string;
  adminEmail: string;
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

export function signWebhook(rawBody: string, secret = WEBHOOK_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** The payment provider telling Glimmer a credit invoice's funds arrived. */
export async function paymentArrived(anon: Api, creditInvoiceId: string) {
  const raw = JSON.stringify({ type: 'credit_invoice.paid', creditInvoiceId });
  return anon.request('POST', '/v1/webhooks/payments', undefined, {
    raw,
    headers: { 'glimmer-signature': signWebhook(raw) },
  });
}
