import { createHmac, randomUUID } from 'node:crypto';
import { Api } from './http';
import { OPS, WEBHOOK_SECRET } from './system';

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

/** Signs a brand up and logs its admin in, through the public API. */
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
