import { createHmac, randomUUID } from 'node:crypto';
import { Api } from './http';
import { OPS, WEBHOOK_SECRET } from './system';

export interface SignedUpBrand {
  id: string;
  api: Api;
  /** The admin's access token, for requests the Api helper does not make (raw fetch). */
  token: string;
  adminEmail: string;
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
