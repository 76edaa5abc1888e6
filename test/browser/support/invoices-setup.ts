import { randomUUID } from 'node:crypto';
import { eventually } from '@glimmer/testing/eventually';
import { login, paymentArrived, signUpBrand, SignedUpBrand } from '../../e2e/support/factories';
import { Api } from '../../e2e/support/http';
import type { GlimmerSystem } from '../../e2e/support/system';

/**
 * Test setup through the public API for the invoices and projects pages (the network and offer
 * pages are another feature's): a funded brand, a creator in its network, an active project.
 */

export interface BrandWithLogin extends SignedUpBrand {
  password: string;
}

/** signUpBrand, plus the admin's password so the test can also log in through /login. */
export async function brandWithLogin(anon: Api, name: string): Promise<BrandWithLogin> {
  const brand = await signUpBrand(anon, { name, currency: 'USD' });
  // signUpBrand makes the password from the same tag as the email: admin-<tag>@brand.test.
  const tag = /^admin-(.+)@brand\.test$/.exec(brand.adminEmail)![1];
  const password = `password-${tag}`;
  await login(anon, brand.adminEmail, password);
  return { ...brand, password };
}

/** A new cost code with `amount` of cleared (available) credit: deposit, then funds arrive. */
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
  if (deposit.status !== 201) throw new Error(`deposit: ${JSON.stringify(deposit.body)}`);
  const arrived = await paymentArrived(anon, deposit.body);
  if (arrived.status !== 202) throw new Error(`webhook: ${arrived.status}`);
  const costCodeId = deposit.body.costCodeId as string;
  await eventually(async () => {
    const cost = await brand.api.get(`/v1/cost-codes/${costCodeId}`);
    if (cost.body.available !== amount) throw new Error(`available ${cost.body.available}`);
  });
  return costCodeId;
}

export interface InvitedCreator {
  id: string;
  name: string;
  email: string;
  password: string;
  api: Api;
}

/** The brand invites a creator, who accepts with the token from the invite email. */
export async function creatorInNetwork(
  system: GlimmerSystem,
  anon: Api,
  brand: SignedUpBrand,
  name: string,
): Promise<InvitedCreator> {
  const email = `creator-${randomUUID().slice(0, 8)}@creator.test`;
  const password = 'creator-password-123';
  const invite = await brand.api.post('/v1/invites', { email });
  if (invite.status !== 201) throw new Error(`invite: ${JSON.stringify(invite.body)}`);
  const mail = await system.smtp.waitFor(email, /invited you to Glimmer/);
  const token = /Invite token: (\S+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no invite token in ${mail.text}`);
  const accepted = await anon.post('/v1/invites/accept', { token, name, password });
  if (accepted.status !== 201) throw new Error(`accept: ${JSON.stringify(accepted.body)}`);
  const api = anon.as(await login(anon, email, password));
  return { id: accepted.body.creatorId, name, email, password, api };
}

/** A UK bank account as the creator's payout method, so a paid invoice schedules a payout. */
export async function addPayoutMethod(creator: InvitedCreator): Promise<void> {
  const res = await creator.api.post('/v1/me/payout-methods', {
    password: creator.password,
    type: 'local_bank_transfer',
    country: 'GB',
    details: { accountHolder: creator.name, sortCode: '040004', accountNumber: '41926819' },
  });
  if (res.status !== 201) throw new Error(`payout method: ${JSON.stringify(res.body)}`);
}

/** Hire: the brand sends an offer, the creator accepts and signs; the project is active. */
export async function activeProject(
  brand: SignedUpBrand,
  creator: InvitedCreator,
  offer: { title: string; fee: number; costCodeId: string; storyCode: string },
): Promise<string> {
  const dueDate = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const sent = await brand.api.post('/v1/offers', {
    creatorId: creator.id,
    brief: 'Twelve edited photos of the collection',
    dueDate,
    ...offer,
  });
  if (sent.status !== 201) throw new Error(`offer: ${JSON.stringify(sent.body)}`);
  const signed = await creator.api.post(`/v1/offers/${sent.body.id}/accept`, {
    signatureName: creator.name,
  });
  if (signed.status !== 200) throw new Error(`accept offer: ${JSON.stringify(signed.body)}`);
  return signed.body.project.id;
}
