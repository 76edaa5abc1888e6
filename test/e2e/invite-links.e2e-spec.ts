import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { schemaFor } from '@glimmer/database/database.options';
import { loginOps, signUpBrand, SignedUpBrand } from './support/factories';
import { Api } from './support/http';
import { GlimmerSystem, SERVICES } from './support/system';

/**
 * Invite links end to end: the token exists only in the email (issue 11 item 6), and a used
 * link makes no account for a stranger (item 14).
 */
describe('invite links', () => {
  const system = new GlimmerSystem('invite-links');
  let anon: Api;
  let brand: SignedUpBrand;

  beforeAll(async () => {
    await system.start();
    anon = new Api(system.baseUrl);
    brand = await signUpBrand(anon, { name: 'Link Studios' });
  });

  afterAll(async () => {
    await system.stop();
  });

  /** The invite emails to `email` so far, oldest first, with the token each carries. */
  const inviteMails = (email: string) =>
    system.smtp.messages
      .filter((m) => m.to.includes(email) && /invited you to Glimmer$/.test(m.subject))
      .map((m) => ({ mail: m, token: /Invite token: (\S+)/.exec(m.text)?.[1] ?? '' }));

  async function waitForInviteMails(email: string, count: number) {
    await system.smtp.waitFor(email, /invited you to Glimmer$/);
    const deadline = Date.now() + 15_000;
    while (inviteMails(email).length < count && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    const mails = inviteMails(email);
    expect(mails).toHaveLength(count);
    return mails;
  }

  async function sql<T>(service: string, text: string, params: unknown[] = []): Promise<T[]> {
    const db = new Client({ connectionString: system.env.databaseUrl });
    await db.connect();
    try {
      await db.query(`set search_path to "${schemaFor(system.env.prefix, service)}"`);
      return (await db.query(text, params)).rows as T[];
    } finally {
      await db.end();
    }
  }

  /** Every value Redis holds under this system's prefix (job hashes, events, lists), as text. */
  async function redisDump(): Promise<string> {
    const redis = new Redis(system.env.env.REDIS_URL);
    try {
      const keys: string[] = [];
      let cursor = '0';
      do {
        const [next, batch] = await redis.scan(cursor, 'MATCH', `${system.env.prefix}*`);
        keys.push(...batch);
        cursor = next;
      } while (cursor !== '0');
      const values = await Promise.all(
        keys.map(async (key) => {
          const type = await redis.type(key);
          if (type === 'hash') return redis.hgetall(key);
          if (type === 'string') return redis.get(key);
          if (type === 'list') return redis.lrange(key, 0, -1);
          if (type === 'set') return redis.smembers(key);
          if (type === 'zset') return redis.zrange(key, 0, -1);
          if (type === 'stream') return redis.xrange(key, '-', '+');
          return null;
        }),
      );
      return JSON.stringify(keys.map((key, i) => [key, values[i]]));
    } finally {
      redis.disconnect();
    }
  }

  const accept = (token: string, name: string, password: string) =>
    anon.post('/v1/invites/accept', { token, name, password });

  it('after an invite and a resend, the tokens are only in the emails; the new link works, the old does not', async () => {
    const email = `lin-${randomUUID().slice(0, 8)}@creator.test`;
    const invite = await brand.api.post('/v1/invites', { email, message: 'Hello' });
    expect(invite.status).toBe(201);
    const [first] = await waitForInviteMails(email, 1);
    const resent = await brand.api.post(`/v1/invites/${invite.body.id}/resend`);
    expect(resent.status).toBe(200);
    const [, second] = await waitForInviteMails(email, 2);
    const tokens = [first.token, second.token];
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens[1]).not.toBe(tokens[0]);
    for (const { mail, token } of [first, second]) {
      expect(mail.text).toContain(`${system.baseUrl}/invites/accept?token=${token}`);
    }

    // Nowhere else: the outbox (both events are there, with their nonces) ...
    const outbox = await sql<{ pattern: string; payload: Record<string, unknown> }>(
      'creator-network',
      `select pattern, payload from outbox_message where payload->>'inviteId' = $1`,
      [invite.body.id],
    );
    expect(outbox.map((r) => r.pattern)).toEqual([
      'network.invite.sent.v2',
      'network.invite.sent.v2',
    ]);
    // ... the email jobs in Redis (which exist, holding the nonce), ...
    const redis = await redisDump();
    expect(redis).toContain(String(outbox[1].payload.nonce));
    // ... and the dead letters.
    const ops = await loginOps(anon);
    const deadLetters = await ops.get('/v1/ops/dead-letters');
    expect(deadLetters.status).toBe(200);
    for (const token of tokens) {
      expect(JSON.stringify(outbox)).not.toContain(token);
      expect(redis).not.toContain(token);
      expect(JSON.stringify(deadLetters.body)).not.toContain(token);
    }

    // The creator opens the link: the page and its preview carry the token in their URLs.
    const page = await fetch(`${system.baseUrl}/invites/accept?token=${tokens[1]}`);
    expect(page.status).toBe(200);
    expect((await anon.get(`/v1/invites/preview?token=${tokens[1]}`)).status).toBe(200);

    // The resend replaced the first link; the second one accepts.
    const old = await accept(tokens[0], 'Lin', 'lin-password-123');
    expect(old.status).toBe(400);
    expect(old.body.code).toBe('invite_token_invalid');
    const joined = await accept(tokens[1], 'Lin', 'lin-password-123');
    expect(joined.status).toBe(201);
    expect(joined.body.brandId).toBe(brand.id);
    expect(
      (await anon.post('/v1/auth/login', { email, password: 'lin-password-123' }, null)).status,
    ).toBe(200);

    // No service logged either token, though all of them handled this invite.
    await new Promise((r) => setTimeout(r, 1_000));
    const logs = SERVICES.map((s) => readFileSync(system.logFile(s), 'utf8')).join('\n');
    expect(logs).toContain(invite.body.id);
    for (const token of tokens) expect(logs).not.toContain(token);
  });

  it('an invite email whose link a resend replaced before it went out is not sent', async () => {
    const email = `late-${randomUUID().slice(0, 8)}@creator.test`;
    // The scheduler is frozen: both events wait, and both email jobs run after the resend.
    system.freeze('scheduler', true);
    try {
      const invite = await brand.api.post('/v1/invites', { email });
      expect(invite.status).toBe(201);
      expect((await brand.api.post(`/v1/invites/${invite.body.id}/resend`)).status).toBe(200);
    } finally {
      system.freeze('scheduler', false);
    }
    const [only] = await waitForInviteMails(email, 1);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(inviteMails(email)).toHaveLength(1);
    const joined = await accept(only.token, 'Late', 'late-password-123');
    expect(joined.status).toBe(201);
  });

  it('a used link answers 409 to a new name and password; the same person finishing gets 201', async () => {
    const email = `use-${randomUUID().slice(0, 8)}@creator.test`;
    expect((await brand.api.post('/v1/invites', { email })).status).toBe(201);
    const [{ token }] = await waitForInviteMails(email, 1);
    const first = await accept(token, 'Uma', 'uma-password-123');
    expect(first.status).toBe(201);

    // A lost answer: the same person sends the same request again and gets the same answer.
    const again = await accept(token, 'Uma', 'uma-password-123');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);

    // Anyone else with the link: told it is used, and nothing changes.
    const stranger = await accept(token, 'Someone Else', 'another-password-456');
    expect(stranger.status).toBe(409);
    expect(stranger.body.code).toBe('invite_already_accepted');
    expect((await anon.get(`/v1/invites/preview?token=${token}`)).body.status).toBe('accepted');
    expect(
      (await anon.post('/v1/auth/login', { email, password: 'another-password-456' }, null)).status,
    ).toBe(401);
    expect(
      (await anon.post('/v1/auth/login', { email, password: 'uma-password-123' }, null)).status,
    ).toBe(200);

    // Interrupted: creator-network accepted, but the gateway stopped before making the login.
    await sql('gateway', `delete from user_account where lower(email) = lower($1)`, [email]);
    // The link's page offers the form again (a used link with its login would say "used").
    const unfinished = await anon.get(`/v1/invites/preview?token=${token}`);
    expect(unfinished.body.status).toBe('sent');
    const finished = await accept(token, 'Uma', 'uma-new-password-789');
    expect(finished.status).toBe(201);
    expect(finished.body).toEqual(first.body);
    expect(
      (await anon.post('/v1/auth/login', { email, password: 'uma-new-password-789' }, null)).status,
    ).toBe(200);
    const members = (await brand.api.get('/v1/network')).body.data.filter(
      (c: { email: string }) => c.email === email,
    );
    expect(members).toHaveLength(1);
  });
});
