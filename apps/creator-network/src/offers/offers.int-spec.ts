import { randomUUID } from 'node:crypto';
import {
  AcceptOfferRpc,
  CompleteProjectRpc,
  CreateOfferRpc,
  DeclineOfferRpc,
  DueOffersRpc,
  ExpireOfferRpc,
  GetOfferRpc,
  GetProjectRpc,
  ListOffersRpc,
  ListProjectsRpc,
  OfferInput,
  WithdrawOfferRpc,
} from '@glimmer/contracts/network/offer.messages';
import { renderContract, sha256Hex } from './contract-template';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { NetworkTestApp } from '../testing/network-test-app';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('creator-network: offers, contracts and projects (over the broker)', () => {
  let t: NetworkTestApp;
  beforeAll(async () => {
    t = await NetworkTestApp.start('offers');
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

  it('offers only to in-network creators, in the brand currency, and emails the creator', async () => {
    const brand = brandActor({ currency: 'EUR' });
    const { actor: creator, accepted } = await t.creatorIn(brand);
    const offer = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    expect(offer).toMatchObject({ status: 'sent', currency: 'EUR', fee: 150_000, projectId: null });
    const [event] = (await t.events('network.offer.sent.v1')).filter((e) => e.offerId === offer.id);
    expect(event).toMatchObject({ creatorEmail: creator.email, fee: 150_000, currency: 'EUR' });

    const outsider = await t.creatorIn(brandActor());
    await expectError(
      t.call(CreateOfferRpc, { actor: brand, ...terms(outsider.accepted.creatorId) }),
      'not_found',
    );
    await expectError(
      t.call(CreateOfferRpc, {
        actor: brand,
        ...terms(accepted.creatorId, { dueDate: '2020-01-01' }),
      }),
      'validation_failed',
    );
    // each party sees its own side; anyone else gets 404
    expect((await t.call(ListOffersRpc, { actor: creator })).data.map((o) => o.id)).toEqual([
      offer.id,
    ]);
    expect((await t.call(ListOffersRpc, { actor: brand })).data.map((o) => o.id)).toEqual([
      offer.id,
    ]);
    await expectError(
      t.call(GetOfferRpc, { actor: outsider.actor, offerId: offer.id }),
      'not_found',
    );
    await expectError(t.call(GetOfferRpc, { actor: brandActor(), offerId: offer.id }), 'not_found');
  });

  it('accepts and signs once: contract text stored with its SHA-256 and signature, project active', async () => {
    const brand = brandActor();
    const { actor: creator, accepted } = await t.creatorIn(brand);
    const offer = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    await expectError(
      t.call(AcceptOfferRpc, { actor: creator, offerId: offer.id, signatureName: '   ' }),
      'validation_failed',
    );
    const result = await t.call(AcceptOfferRpc, {
      actor: creator,
      offerId: offer.id,
      signatureName: 'Test Creator',
      ip: '203.0.113.7',
      userAgent: 'jest',
    });
    expect(result.offer).toMatchObject({
      id: offer.id,
      status: 'accepted',
      projectId: result.project.id,
    });
    expect(result.project.status).toBe('active');
    const [contract] = await t.sql<Record<string, string>>(`select * from contract where id = $1`, [
      result.contract.id,
    ]);
    expect(contract).toMatchObject({
      sha256: result.contract.sha256,
      signature_name: 'Test Creator',
      signer_ip: '203.0.113.7',
      signer_user_agent: 'jest',
      signer_user_id: creator.userId,
      template_version: 'commission-v1',
    });
    expect(sha256Hex(contract.body)).toBe(result.contract.sha256);
    expect(contract.body).toBe(
      renderContract({
        offerId: offer.id,
        brandId: brand.brandId,
        brandName: 'A brand on Glimmer',
        creatorId: accepted.creatorId,
        creatorName: 'Test Creator',
        title: offer.title,
        brief: offer.brief,
        fee: offer.fee,
        currency: offer.currency,
        dueDate: offer.dueDate,
        costCodeId: offer.costCodeId,
        storyCode: offer.storyCode,
      }),
    );
    const twice = await expectError(
      t.call(AcceptOfferRpc, { actor: creator, offerId: offer.id, signatureName: 'Again' }),
      'offer_not_open',
    );
    expect(twice.status).toBe(409);
    await expectError(
      t.call(WithdrawOfferRpc, { actor: brand, offerId: offer.id }),
      'offer_not_open',
    );
    expect(await t.sql(`select 1 from project where offer_id = $1`, [offer.id])).toHaveLength(1);
  });

  it('shows the exact contract text that accepting signs, and refuses a signature over changed text', async () => {
    const brand = brandActor();
    const { actor: creator, accepted } = await t.creatorIn(brand);
    const offer = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });

    const shown = await t.call(GetOfferRpc, { actor: creator, offerId: offer.id });
    expect(shown).toMatchObject({ id: offer.id, status: 'sent', brandName: 'A brand on Glimmer' });
    expect(shown.contract).toMatchObject({
      templateVersion: 'commission-v1',
      signedAt: null,
      signatureName: null,
    });
    expect(sha256Hex(shown.contract!.text)).toBe(shown.contract!.sha256);
    // The brand reads the same text.
    expect((await t.call(GetOfferRpc, { actor: brand, offerId: offer.id })).contract).toEqual(
      shown.contract,
    );

    // A signature over text that no longer matches is refused, and nothing is signed.
    await expectError(
      t.call(AcceptOfferRpc, {
        actor: creator,
        offerId: offer.id,
        signatureName: 'Test Creator',
        contractSha256: 'f'.repeat(64),
      }),
      'contract_changed',
    );
    expect(await t.sql(`select 1 from contract where offer_id = $1`, [offer.id])).toHaveLength(0);

    const signed = await t.call(AcceptOfferRpc, {
      actor: creator,
      offerId: offer.id,
      signatureName: 'Test Creator',
      contractSha256: shown.contract!.sha256,
    });
    expect(signed.contract.sha256).toBe(shown.contract!.sha256);
    const after = await t.call(GetOfferRpc, { actor: creator, offerId: offer.id });
    expect(after.contract).toMatchObject({
      text: shown.contract!.text,
      sha256: shown.contract!.sha256,
      signedAt: signed.contract.signedAt,
      signatureName: 'Test Creator',
    });

    const declined = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    await t.call(DeclineOfferRpc, { actor: creator, offerId: declined.id });
    expect(
      (await t.call(GetOfferRpc, { actor: creator, offerId: declined.id })).contract,
    ).toBeNull();
  });

  it('refuses to accept withdrawn, declined or expired offers (409)', async () => {
    const brand = brandActor();
    const { actor: creator, accepted } = await t.creatorIn(brand);
    const sign = (offerId: string) =>
      t.call(AcceptOfferRpc, { actor: creator, offerId, signatureName: 'Me' });

    const withdrawn = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    await expectError(
      t.call(WithdrawOfferRpc, { actor: creator, offerId: withdrawn.id }),
      'forbidden',
    );
    expect((await t.call(WithdrawOfferRpc, { actor: brand, offerId: withdrawn.id })).status).toBe(
      'withdrawn',
    );
    await expectError(sign(withdrawn.id), 'offer_not_open');

    const declined = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    expect((await t.call(DeclineOfferRpc, { actor: creator, offerId: declined.id })).status).toBe(
      'declined',
    );
    await expectError(sign(declined.id), 'offer_not_open');

    const late = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    await t.sql(`update offer set due_date = current_date - 1 where id = $1`, [late.id]);
    expect((await t.call(GetOfferRpc, { actor: creator, offerId: late.id })).status).toBe(
      'expired',
    );
    const expired = await expectError(sign(late.id), 'offer_expired');
    expect(expired.status).toBe(409);
    expect(
      await t.sql(
        `select 1 from contract c join offer o on o.id = c.offer_id where o.creator_id = $1`,
        [accepted.creatorId],
      ),
    ).toHaveLength(0);
  });

  it('expires a sent offer past its due date once (the scheduler RPC), leaving decided offers alone', async () => {
    const brand = brandActor();
    const { actor: creator, accepted } = await t.creatorIn(brand);
    const statusInDb = async (id: string) =>
      (await t.sql<{ status: string }>(`select status from offer where id = $1`, [id]))[0].status;

    const open = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    // not yet past due: nothing to do
    expect((await t.call(ExpireOfferRpc, { offerId: open.id })).status).toBe('sent');
    expect(await statusInDb(open.id)).toBe('sent');

    await t.sql(`update offer set due_date = current_date - 1 where id = $1`, [open.id]);
    const expired = await t.call(ExpireOfferRpc, { offerId: open.id });
    expect(expired).toMatchObject({
      id: open.id,
      status: 'expired',
      decidedAt: expect.any(String),
    });
    expect(await statusInDb(open.id)).toBe('expired');
    // idempotent: the same answer again, decidedAt unchanged
    expect(await t.call(ExpireOfferRpc, { offerId: open.id })).toEqual(expired);
    await expectError(
      t.call(AcceptOfferRpc, { actor: creator, offerId: open.id, signatureName: 'Me' }),
      'offer_expired',
    );
    await expectError(
      t.call(WithdrawOfferRpc, { actor: brand, offerId: open.id }),
      'offer_expired',
    );

    // accepted, declined and withdrawn offers are returned as they are, even past due
    const signed = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    await t.call(AcceptOfferRpc, { actor: creator, offerId: signed.id, signatureName: 'Me' });
    const declined = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    await t.call(DeclineOfferRpc, { actor: creator, offerId: declined.id });
    const withdrawn = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    await t.call(WithdrawOfferRpc, { actor: brand, offerId: withdrawn.id });
    for (const [offer, status] of [
      [signed, 'accepted'],
      [declined, 'declined'],
      [withdrawn, 'withdrawn'],
    ] as const) {
      await t.sql(`update offer set due_date = current_date - 1 where id = $1`, [offer.id]);
      // GetOffer adds what the offer page shows (brand name, contract) to the offer itself.
      const {
        brandName: _brandName,
        contract: _contract,
        ...before
      } = await t.call(GetOfferRpc, {
        actor: brand,
        offerId: offer.id,
      });
      expect(await t.call(ExpireOfferRpc, { offerId: offer.id })).toEqual(before);
      expect(before.status).toBe(status);
      expect(await statusInDb(offer.id)).toBe(status);
    }
    await expectError(t.call(ExpireOfferRpc, { offerId: randomUUID() }), 'not_found');
  });

  it('lists the sent offers past their due date for the scheduler, until they are expired', async () => {
    const brand = brandActor();
    const { accepted } = await t.creatorIn(brand);
    const open = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    const lapsed = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    const withdrawn = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
    await t.call(WithdrawOfferRpc, { actor: brand, offerId: withdrawn.id });
    await t.sql(`update offer set due_date = current_date - 2 where id = any($1)`, [
      [lapsed.id, withdrawn.id],
    ]);
    const dueIds = async () =>
      (await t.call(DueOffersRpc, { limit: 10_000 })).data.map((d) => d.offerId);

    const { data } = await t.call(DueOffersRpc, { limit: 10_000 });
    expect(data.find((d) => d.offerId === lapsed.id)).toEqual({
      offerId: lapsed.id,
      dueDate: inDays(-2),
    });
    expect(await dueIds()).not.toContain(open.id); // not past due yet
    expect(await dueIds()).not.toContain(withdrawn.id); // decided
    expect((await t.call(DueOffersRpc, { limit: 1 })).data).toHaveLength(1);

    await t.call(ExpireOfferRpc, { offerId: lapsed.id });
    expect(await dueIds()).not.toContain(lapsed.id);
  });

  it.each(['brand', 'creator'] as const)(
    'completes when both parties have marked it (%s first), emitting the event exactly once',
    async (first) => {
      const brand = brandActor();
      const { actor: creator, accepted } = await t.creatorIn(brand);
      const offer = await t.call(CreateOfferRpc, { actor: brand, ...terms(accepted.creatorId) });
      const { project } = await t.call(AcceptOfferRpc, {
        actor: creator,
        offerId: offer.id,
        signatureName: 'Me',
      });
      const [a, b] = first === 'brand' ? [brand, creator] : [creator, brand];
      const half = await t.call(CompleteProjectRpc, { actor: a, projectId: project.id });
      expect(half.status).toBe('active');
      // marking twice is harmless and keeps the first time
      const again = await t.call(CompleteProjectRpc, { actor: a, projectId: project.id });
      expect(again).toEqual(half);
      // others cannot see or complete it
      await expectError(
        t.call(CompleteProjectRpc, { actor: brandActor(), projectId: project.id }),
        'not_found',
      );
      const outsider = await t.creatorIn(brandActor());
      await expectError(
        t.call(GetProjectRpc, { actor: outsider.actor, projectId: project.id }),
        'not_found',
      );

      const done = await t.call(CompleteProjectRpc, { actor: b, projectId: project.id });
      expect(done).toMatchObject({
        status: 'completed',
        fee: 150_000,
        currency: 'USD',
        invoiceId: null,
        expectedPaymentDate: null,
      });
      expect(done.completedByBrandAt && done.completedByCreatorAt && done.completedAt).toBeTruthy();
      await t.call(CompleteProjectRpc, { actor: a, projectId: project.id });
      await t.call(CompleteProjectRpc, { actor: b, projectId: project.id });
      const events = (await t.events('network.project.completed.v1')).filter(
        (e) => e.projectId === project.id,
      );
      expect(events).toEqual([
        {
          projectId: project.id,
          brandId: brand.brandId,
          creatorId: accepted.creatorId,
          fee: 150_000,
          currency: 'USD',
          costCodeId: offer.costCodeId,
          storyCode: 'SPRING-27',
          title: 'Spring shoot',
          completedAt: done.completedAt,
        },
      ]);
      expect((await t.call(ListProjectsRpc, { actor: creator })).data.map((p) => p.id)).toEqual([
        project.id,
      ]);
      expect((await t.call(ListProjectsRpc, { actor: brand })).data).toHaveLength(1);
    },
  );
});
