import { CreateInviteRpc, ResendInviteRpc } from '@glimmer/contracts/network/invite.messages';
import { InviteSentEvent } from '@glimmer/contracts/network/network.events';
import { brandActor, expectError } from '@glimmer/testing/service-test-app';
import { NetworkTestApp } from '../testing/network-test-app';

/**
 * Each invite (and each resend) emails a brand's own text to an address it chose, so a brand
 * may have at most NETWORK_INVITES_PER_DAY of them sent in any 24 hours (issue 11 item 8).
 */
describe('creator-network: the daily cap on invite emails', () => {
  let t: NetworkTestApp;
  beforeAll(async () => {
    t = await NetworkTestApp.start('invcap', { overrides: { NETWORK_INVITES_PER_DAY: '3' } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const invite = (actor: ReturnType<typeof brandActor>, n: number) =>
    t.call(CreateInviteRpc, { actor, email: `c${n}@creator.test`, message: 'Join us' });

  it('counts invites and resends together; over the cap is 429 with Retry-After and sends nothing', async () => {
    const actor = brandActor();
    const before = (await t.events(InviteSentEvent.pattern)).length;
    const first = await invite(actor, 1);
    await t.call(ResendInviteRpc, { actor, inviteId: first.id });
    // One place left, four invites at once: exactly one is sent.
    const outcomes = await Promise.allSettled([2, 3, 4, 5].map((n) => invite(actor, n)));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = await expectError(invite(actor, 6), 'invite_daily_limit_reached');
    expect(refused.status).toBe(429);
    expect(refused.extra.meta).toMatchObject({ limit: 3 });
    const retryAfter = refused.extra.meta!.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(86_000);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    await expectError(
      t.call(ResendInviteRpc, { actor, inviteId: first.id }),
      'invite_daily_limit_reached',
    );
    // Nothing was made or sent by the refusals.
    expect(await t.sql(`select 1 from invite where email = 'c6@creator.test'`)).toEqual([]);
    expect((await t.events(InviteSentEvent.pattern)).length - before).toBe(3);

    // Another brand has its own budget; and a send older than 24 hours no longer counts.
    const other = brandActor();
    await invite(other, 4);
    await t.sql(
      `update invite_send set sent_at = now() - interval '25 hours' where invite_id = $1`,
      [first.id],
    );
    const later = await invite(actor, 7);
    expect(later.status).toBe('sent');
  });
});
