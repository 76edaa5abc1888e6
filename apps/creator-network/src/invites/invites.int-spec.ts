import { randomUUID } from 'node:crypto';
import { BrandRegisteredEvent } from '@glimmer/contracts/identity/brand-registered.event';
import { InviteSentEvent } from '@glimmer/contracts/network/network.events';
import {
  AcceptInviteRpc,
  CreateInviteRpc,
  InviteLinkRpc,
  ListInvitesRpc,
  PreviewInviteRpc,
  ResendInviteRpc,
  RevokeInviteRpc,
} from '@glimmer/contracts/network/invite.messages';
import {
  GetCreatorRpc,
  GetOwnProfileRpc,
  ListNetworkRpc,
  UpdateProfileRpc,
} from '@glimmer/contracts/network/creator.messages';
import { eventually } from '@glimmer/testing/eventually';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { NetworkTestApp } from '../testing/network-test-app';

describe('creator-network: invites and the network (over the broker)', () => {
  let t: NetworkTestApp;
  beforeAll(async () => {
    t = await NetworkTestApp.start('invites');
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('invites by email: the event carries no token, only a nonce; hashed at rest, with expiry', async () => {
    const brand = brandActor();
    await t.broker.publish(BrandRegisteredEvent, {
      brandId: brand.brandId,
      name: 'Acme Studios',
      currency: 'USD',
      financeEmail: 'finance@acme.test',
      adminUserId: brand.userId,
      adminEmail: 'admin@acme.test',
      adminName: 'Admin',
    });
    await eventually(async () =>
      expect(await t.sql('select 1 from brand where id = $1', [brand.brandId])).toHaveLength(1),
    );
    const invite = await t.call(CreateInviteRpc, {
      actor: brand,
      email: 'ada@creator.test',
      message: 'Join us',
    });
    expect(invite).toMatchObject({ email: 'ada@creator.test', status: 'sent', creatorId: null });
    const hours = (Date.parse(invite.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(167);
    expect(hours).toBeLessThanOrEqual(168);
    expect(invite).not.toHaveProperty('token');
    const [event] = await t.events(InviteSentEvent.pattern);
    expect(Object.keys(event).sort()).toEqual(
      ['brandName', 'email', 'expiresAt', 'inviteId', 'message', 'nonce'].sort(),
    );
    expect(event).toMatchObject({ inviteId: invite.id, brandName: 'Acme Studios' });
    // The scheduler asks for the link at send time; it is derived again, not stored.
    const link = await t.call(InviteLinkRpc, {
      inviteId: invite.id,
      nonce: event.nonce as string,
    });
    const token = link.token;
    expect(link.acceptUrl).toBe(`${t.config.INVITE_ACCEPT_URL}?token=${token}`);
    expect(await t.tokenOf(invite.id)).toBe(token);
    const [row] = await t.sql<{ token_hash: string }>(
      `select token_hash from invite where id = $1`,
      [invite.id],
    );
    expect(row.token_hash).not.toContain(token);
    const everything = JSON.stringify(await t.sql(`select * from outbox_message`));
    expect(everything).not.toContain(token);
    expect(await t.call(PreviewInviteRpc, { token })).toMatchObject({
      email: 'ada@creator.test',
      brandName: 'Acme Studios',
      status: 'sent',
    });
  });

  it('accepts once, idempotently for the same creator; joins the network and emits joined once', async () => {
    const brand = brandActor();
    const invite = await t.call(CreateInviteRpc, { actor: brand, email: 'Bea@Creator.test' });
    const token = await t.tokenOf(invite.id);
    const first = await t.call(AcceptInviteRpc, { token, name: 'Bea Lens' });
    expect(first).toMatchObject({
      brandId: brand.brandId,
      email: 'Bea@Creator.test',
      name: 'Bea Lens',
    });
    // The gateway crashed before creating the account: the same token answers the same result.
    expect(first.replayed).toBe(false);
    expect(await t.call(AcceptInviteRpc, { token, name: 'Bea Lens' })).toEqual({
      ...first,
      replayed: true,
    });
    const joined = (await t.events('network.creator.joined.v1')).filter(
      (e) => e.inviteId === invite.id,
    );
    expect(joined).toHaveLength(1);
    expect(joined[0]).toMatchObject({ creatorId: first.creatorId, notifyEmail: brand.email });
    expect(await t.call(PreviewInviteRpc, { token })).toMatchObject({
      status: 'accepted',
      acceptedByInvitee: true,
    });
    const [listed] = (await t.call(ListInvitesRpc, { actor: brand })).data;
    expect(listed).toMatchObject({ id: invite.id, status: 'accepted', creatorId: first.creatorId });

    // A second brand invites the same email: the existing creator is found, not duplicated.
    const other = brandActor();
    const again = await t.call(CreateInviteRpc, { actor: other, email: 'bea@creator.test' });
    const second = await t.call(AcceptInviteRpc, { token: await t.tokenOf(again.id), name: 'X' });
    expect(second.creatorId).toBe(first.creatorId);
    expect(
      await t.sql(`select 1 from creator where lower(email) = 'bea@creator.test'`),
    ).toHaveLength(1);

    // An authenticated creator links their existing account with the token alone.
    const third = brandActor();
    const linkInvite = await t.call(CreateInviteRpc, { actor: third, email: 'other@inbox.test' });
    const linked = await t.call(AcceptInviteRpc, {
      token: await t.tokenOf(linkInvite.id),
      creatorId: first.creatorId,
    });
    expect(linked).toMatchObject({ creatorId: first.creatorId, brandId: third.brandId });
    // Accepted, but not by a creator with the invite's email: no login of that email to finish.
    expect(await t.call(PreviewInviteRpc, { token: await t.tokenOf(linkInvite.id) })).toMatchObject(
      { status: 'accepted', acceptedByInvitee: false },
    );
    // ...and someone else cannot reuse it.
    await expectError(
      t.call(AcceptInviteRpc, { token: await t.tokenOf(linkInvite.id), name: 'Mallory' }),
      'invite_already_accepted',
    );
  });

  it('refuses forged, resent-away, revoked and expired tokens with clear codes', async () => {
    const brand = brandActor();
    await expectError(
      t.call(AcceptInviteRpc, { token: 'forged', name: 'x' }),
      'invite_token_invalid',
    );
    const forged = Buffer.alloc(32, 7).toString('base64url');
    const err = await expectError(
      t.call(AcceptInviteRpc, { token: forged, name: 'x' }),
      'invite_token_invalid',
    );
    expect(err.status).toBe(400);

    const invite = await t.call(CreateInviteRpc, { actor: brand, email: 'cy@creator.test' });
    const oldToken = await t.tokenOf(invite.id);
    const resent = await t.call(ResendInviteRpc, { actor: brand, inviteId: invite.id });
    expect(resent.status).toBe('sent');
    const newToken = await t.tokenOf(invite.id);
    expect(newToken).not.toBe(oldToken);
    await expectError(
      t.call(AcceptInviteRpc, { token: oldToken, name: 'Cy' }),
      'invite_token_invalid',
    );
    // The first email, if its job runs only now, gets no link: its token is dead.
    const [firstIssue, secondIssue] = (await t.events(InviteSentEvent.pattern)).filter(
      (e) => e.inviteId === invite.id,
    );
    const stale = await expectError(
      t.call(InviteLinkRpc, { inviteId: invite.id, nonce: firstIssue.nonce as string }),
      'invite_not_pending',
    );
    expect(stale.extra.meta).toEqual({ status: 'superseded' });
    await expect(
      t.call(InviteLinkRpc, { inviteId: invite.id, nonce: secondIssue.nonce as string }),
    ).resolves.toEqual({ token: newToken, acceptUrl: expect.stringContaining(newToken) });

    // another brand cannot touch it
    await expectError(
      t.call(RevokeInviteRpc, { actor: brandActor(), inviteId: invite.id }),
      'not_found',
    );
    const revoked = await t.call(RevokeInviteRpc, { actor: brand, inviteId: invite.id });
    expect(revoked.status).toBe('revoked');
    const gone = await expectError(
      t.call(AcceptInviteRpc, { token: newToken, name: 'Cy' }),
      'invite_revoked',
    );
    expect(gone.status).toBe(410);
    await expectError(
      t.call(ResendInviteRpc, { actor: brand, inviteId: invite.id }),
      'invite_not_pending',
    );
    const closed = await expectError(
      t.call(InviteLinkRpc, { inviteId: invite.id, nonce: secondIssue.nonce as string }),
      'invite_not_pending',
    );
    expect(closed.extra.meta).toEqual({ status: 'revoked' });

    const late = await t.call(CreateInviteRpc, { actor: brand, email: 'dee@creator.test' });
    await t.sql(`update invite set expires_at = now() - interval '1 second' where id = $1`, [
      late.id,
    ]);
    const expired = await expectError(
      t.call(AcceptInviteRpc, { token: await t.tokenOf(late.id), name: 'Dee' }),
      'invite_expired',
    );
    expect(expired.status).toBe(410);
    expect(
      (await t.call(ListInvitesRpc, { actor: brand })).data.find((i) => i.id === late.id)?.status,
    ).toBe('expired');
    // A resend revives an expired invite with a fresh token.
    await t.call(ResendInviteRpc, { actor: brand, inviteId: late.id });
    await expect(
      t.call(AcceptInviteRpc, { token: await t.tokenOf(late.id), name: 'Dee' }),
    ).resolves.toMatchObject({ brandId: brand.brandId });
    expect(await t.sql(`select 1 from creator where email in ('cy@creator.test')`)).toHaveLength(0);
  });

  it("scopes the network to the brand, with filters and keyset pages; others' creators are 404", async () => {
    const brand = brandActor();
    const creators = [];
    for (const [country, skills] of [
      ['DE', ['Photography', 'Drone']],
      ['FR', ['Video']],
      ['DE', ['video', 'Editing']],
    ] as const) {
      const c = await t.creatorIn(brand);
      await t.call(UpdateProfileRpc, {
        actor: c.actor,
        profile: {
          displayName: `Studio ${country}`,
          country,
          skills: [...skills],
          languages: ['en'],
          equipment: ['Sony A7'],
        },
      });
      creators.push(c);
    }
    const outsider = await t.creatorIn(brandActor());
    const all = await t.call(ListNetworkRpc, { actor: brand });
    expect(all.data.map((c) => c.creatorId)).toEqual(creators.map((c) => c.accepted.creatorId));
    expect(all.data[0].profile).toMatchObject({ country: 'DE', skills: ['Photography', 'Drone'] });
    const video = await t.call(ListNetworkRpc, { actor: brand, skill: 'VIDEO' });
    expect(video.data).toHaveLength(2);
    const de = await t.call(ListNetworkRpc, { actor: brand, country: 'DE', skill: 'video' });
    expect(de.data.map((c) => c.creatorId)).toEqual([creators[2].accepted.creatorId]);
    expect((await t.call(ListNetworkRpc, { actor: brand, name: 'studio fr' })).data).toHaveLength(
      1,
    );
    const page1 = await t.call(ListNetworkRpc, { actor: brand, limit: 2 });
    expect(page1.data).toHaveLength(2);
    const page2 = await t.call(ListNetworkRpc, {
      actor: brand,
      limit: 2,
      cursor: page1.nextCursor!,
    });
    expect(page2.data.map((c) => c.creatorId)).toEqual([creators[2].accepted.creatorId]);
    expect(page2.nextCursor).toBeNull();

    await expect(
      t.call(GetCreatorRpc, { actor: brand, creatorId: creators[0].accepted.creatorId }),
    ).resolves.toMatchObject({ name: 'Test Creator', samples: [] });
    await expectError(
      t.call(GetCreatorRpc, { actor: brand, creatorId: outsider.accepted.creatorId }),
      'not_found',
    );
    await expectError(
      t.call(UpdateProfileRpc, {
        actor: creators[0].actor,
        profile: { displayName: 'x', country: 'XX', skills: [], languages: [], equipment: [] },
      }),
      'validation_failed',
    );
    await expectError(t.call(ListNetworkRpc, { actor: creators[0].actor }), 'forbidden');
    expect(randomUUID()).toBeTruthy();
  });

  it('saves a profile page by page: the country may come last', async () => {
    const brand = brandActor();
    const c = await t.creatorIn(brand);
    const empty = { skills: [], languages: [], equipment: [] };
    await t.call(UpdateProfileRpc, {
      actor: c.actor,
      profile: { displayName: 'Ada Lens', bio: 'Portraits', ...empty },
    });
    expect((await t.call(GetOwnProfileRpc, { actor: c.actor })).profile).toMatchObject({
      displayName: 'Ada Lens',
      bio: 'Portraits',
      country: null,
    });
    await t.call(UpdateProfileRpc, {
      actor: c.actor,
      profile: {
        displayName: 'Ada Lens',
        bio: 'Portraits',
        country: 'de',
        city: 'Berlin',
        ...empty,
      },
    });
    expect((await t.call(GetOwnProfileRpc, { actor: c.actor })).profile).toMatchObject({
      country: 'DE',
      city: 'Berlin',
    });
  });
});
