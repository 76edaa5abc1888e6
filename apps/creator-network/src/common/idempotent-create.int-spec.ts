import { randomUUID } from 'node:crypto';
import { CreateInviteRpc } from '@glimmer/contracts/network/invite.messages';
import { CreateOfferRpc, OfferInput } from '@glimmer/contracts/network/offer.messages';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { NetworkTestApp } from '../testing/network-test-app';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('creator-network: offers and invites guarded by an Idempotency-Key (over the broker)', () => {
  let t: NetworkTestApp;
  beforeAll(async () => {
    t = await NetworkTestApp.start('idempotent-create');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const terms = (creatorId: string, overrides: Partial<OfferInput> = {}): OfferInput => ({
    creatorId,
    title: 'Spring shoot',
    brief: '12 edited photos',
    fee: 150_000,
    dueDate: inDays(30),
    costCodeId: randomUUID(),
    storyCode: 'SPRING-27',
    ...overrides,
  });

  const offersOf = async (brandId: string) =>
    (
      await t.sql<{ n: string }>(`select count(*)::text as n from offer where brand_id = $1`, [
        brandId,
      ])
    )[0].n;
  const offerEvents = async (brandId: string) =>
    (await t.events('network.offer.sent.v1')).filter((e) => e.brandId === brandId);

  it('same key and body twice: one offer, one network.offer.sent.v1, the same id', async () => {
    const brand = brandActor();
    const { accepted } = await t.creatorIn(brand);
    const idempotencyKey = randomUUID();
    const body = terms(accepted.creatorId);
    const first = await t.call(CreateOfferRpc, { actor: brand, idempotencyKey, ...body });
    const again = await t.call(CreateOfferRpc, { actor: brand, idempotencyKey, ...body });
    expect(again).toEqual(first);
    expect(await offersOf(brand.brandId)).toBe('1');
    expect(await offerEvents(brand.brandId)).toHaveLength(1);

    // another body under the key is refused, and makes nothing
    await expectError(
      t.call(CreateOfferRpc, { actor: brand, idempotencyKey, ...body, fee: 150_001 }),
      'idempotency_key_reused',
    );
    expect(await offersOf(brand.brandId)).toBe('1');

    // the key is the brand's: another brand may use the same one; no key makes a new offer
    const other = brandActor();
    const { accepted: theirs } = await t.creatorIn(other);
    await t.call(CreateOfferRpc, { actor: other, idempotencyKey, ...terms(theirs.creatorId) });
    await t.call(CreateOfferRpc, { actor: brand, ...body });
    expect(await offersOf(brand.brandId)).toBe('2');
    expect(await offersOf(other.brandId)).toBe('1');
  });

  it('concurrent calls with one key: one offer, one event, one id', async () => {
    const brand = brandActor();
    const { accepted } = await t.creatorIn(brand);
    const idempotencyKey = randomUUID();
    const body = terms(accepted.creatorId);
    const offers = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.call(CreateOfferRpc, { actor: brand, idempotencyKey, ...body }),
      ),
    );
    expect(new Set(offers.map((o) => o.id)).size).toBe(1);
    expect(await offersOf(brand.brandId)).toBe('1');
    expect(await offerEvents(brand.brandId)).toHaveLength(1);
  });

  const inviteEvents = async (inviteId: string) =>
    (await t.events('network.invite.sent.v2')).filter((e) => e.inviteId === inviteId);
  const invitesOf = async (brandId: string) =>
    (
      await t.sql<{ n: string }>(`select count(*)::text as n from invite where brand_id = $1`, [
        brandId,
      ])
    )[0].n;

  it('same key and body twice: one invite, one token, one network.invite.sent.v2', async () => {
    const brand = brandActor();
    const idempotencyKey = randomUUID();
    const body = { email: 'dee@creator.test', message: 'Join us' };
    const first = await t.call(CreateInviteRpc, { actor: brand, idempotencyKey, ...body });
    const token = await t.tokenOf(first.id);
    const again = await t.call(CreateInviteRpc, { actor: brand, idempotencyKey, ...body });
    expect(again).toEqual(first);
    expect(await t.tokenOf(first.id)).toBe(token);
    const [{ token_hash: before }] = await t.sql<{ token_hash: string }>(
      `select token_hash from invite where id = $1`,
      [first.id],
    );
    expect(await inviteEvents(first.id)).toHaveLength(1);
    expect(await invitesOf(brand.brandId)).toBe('1');

    await expectError(
      t.call(CreateInviteRpc, { actor: brand, idempotencyKey, ...body, message: 'Other' }),
      'idempotency_key_reused',
    );
    const [{ token_hash: after }] = await t.sql<{ token_hash: string }>(
      `select token_hash from invite where id = $1`,
      [first.id],
    );
    expect(after).toBe(before);
    expect(await invitesOf(brand.brandId)).toBe('1');
  });

  it('concurrent invites with one key: one invite, one event', async () => {
    const brand = brandActor();
    const idempotencyKey = randomUUID();
    const invites = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.call(CreateInviteRpc, { actor: brand, idempotencyKey, email: 'eve@creator.test' }),
      ),
    );
    expect(new Set(invites.map((i) => i.id)).size).toBe(1);
    expect(await invitesOf(brand.brandId)).toBe('1');
    expect(await inviteEvents(invites[0].id)).toHaveLength(1);
  });
});
