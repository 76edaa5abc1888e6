import { randomUUID } from 'node:crypto';
import type { BrandActor, CreatorActor } from '@glimmer/contracts/actor';
import {
  GetCreatorRpc,
  ListNetworkRpc,
  type NetworkQuery,
  UpdateProfileRpc,
} from '@glimmer/contracts/network/creator.messages';
import {
  AcceptOfferRpc,
  CreateOfferRpc,
  ListOffersRpc,
  ListProjectsRpc,
} from '@glimmer/contracts/network/offer.messages';
import type { Page } from '@glimmer/contracts/page';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { NetworkTestApp } from '../testing/network-test-app';

const inDays = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Every page of a keyset list, one row at a time (each step goes through a cursor). */
async function allPages<T>(fetch: (cursor?: string) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await fetch(cursor);
    rows.push(...page.data);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
}

/** A brand's lists: its network filtered by skill, country and name, and keyset pages. */
describe('creator-network: a brand network, offers and projects in pages (over the broker)', () => {
  let t: NetworkTestApp;
  let brand: BrandActor;
  const members: { creatorId: string; actor: CreatorActor }[] = [];
  beforeAll(async () => {
    t = await NetworkTestApp.start('netlist');
    brand = brandActor();
    const profiles = [
      { displayName: 'Ada Lens', country: 'DE', skills: ['Photography', 'Drone'] },
      { displayName: '100%_Real', country: 'FR', skills: ['video'] },
      { displayName: 'Grace Frames', country: 'DE', skills: ['VIDEO'] },
    ];
    for (const p of profiles) {
      const { accepted, actor } = await t.creatorIn(brand);
      await t.call(UpdateProfileRpc, {
        actor,
        profile: { ...p, languages: ['en'], equipment: [] },
      });
      members.push({ creatorId: accepted.creatorId, actor });
    }
    // One more member without a profile yet, and a creator in another brand's network.
    const { accepted, actor } = await t.creatorIn(brand);
    members.push({ creatorId: accepted.creatorId, actor });
    await t.creatorIn(brandActor());
  });
  afterAll(async () => {
    await t?.stop();
  });

  const network = (query: NetworkQuery = {}) =>
    allPages((cursor) => t.call(ListNetworkRpc, { actor: brand, ...query, cursor, limit: 1 }));
  const ids = (rows: { creatorId: string }[]) => rows.map((r) => r.creatorId);

  it('lists the whole network in joining order across pages, profile or not', async () => {
    const rows = await network();
    expect(ids(rows)).toEqual(members.map((m) => m.creatorId));
    expect(rows[0].profile).toMatchObject({ displayName: 'Ada Lens', country: 'DE' });
    expect(rows[3].profile).toMatchObject({ displayName: null, skills: [] });
  });

  it('filters by skill (any case), country and name (display name too, % and _ literal)', async () => {
    const [ada, real, grace] = members.map((m) => m.creatorId);
    expect(ids(await network({ skill: 'Video' }))).toEqual([real, grace]);
    expect(ids(await network({ skill: 'drone' }))).toEqual([ada]);
    expect(ids(await network({ country: 'de' }))).toEqual([ada, grace]);
    expect(ids(await network({ country: 'DE', skill: 'video' }))).toEqual([grace]);
    expect(ids(await network({ name: 'frames' }))).toEqual([grace]);
    expect(ids(await network({ name: '0%_' }))).toEqual([real]);
    expect(ids(await network({ name: '%' }))).toEqual([real]);
    expect(ids(await network({ name: 'Test Creator' }))).toEqual(members.map((m) => m.creatorId));
    expect(await network({ skill: 'knitting' })).toEqual([]);
  });

  it('shows a member to the brand and nobody outside its network', async () => {
    const view = await t.call(GetCreatorRpc, { actor: brand, creatorId: members[0].creatorId });
    expect(view.profile.skills).toEqual(['Photography', 'Drone']);
    await expectError(
      t.call(GetCreatorRpc, { actor: brandActor(), creatorId: members[0].creatorId }),
      'not_found',
    );
  });

  it('pages offers and projects for each party, with the project an accepted offer started', async () => {
    const made = [];
    for (const m of members.slice(0, 3)) {
      made.push(
        await t.call(CreateOfferRpc, {
          actor: brand,
          creatorId: m.creatorId,
          title: `Shoot for ${m.creatorId.slice(0, 4)}`,
          brief: 'photos',
          fee: 10_000,
          dueDate: inDays(10),
          costCodeId: randomUUID(),
          storyCode: 'S-1',
        }),
      );
    }
    const accepted = await t.call(AcceptOfferRpc, {
      actor: members[1].actor,
      offerId: made[1].id,
      signatureName: 'Real',
    });

    const offers = await allPages((cursor) =>
      t.call(ListOffersRpc, { actor: brand, cursor, limit: 1 }),
    );
    expect(offers.map((o) => o.id)).toEqual(made.map((o) => o.id));
    expect(offers.map((o) => o.projectId)).toEqual([null, accepted.project.id, null]);
    const mine = await t.call(ListOffersRpc, { actor: members[1].actor });
    expect(mine.data.map((o) => [o.id, o.status])).toEqual([[made[1].id, 'accepted']]);

    const projects = await allPages((cursor) =>
      t.call(ListProjectsRpc, { actor: brand, cursor, limit: 1 }),
    );
    expect(projects).toEqual([
      expect.objectContaining({ id: accepted.project.id, offerId: made[1].id, fee: 10_000 }),
    ]);
    expect((await t.call(ListProjectsRpc, { actor: members[0].actor })).data).toEqual([]);
  });
});
