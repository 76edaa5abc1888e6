import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loadConfig } from '@glimmer/config/config';
import { schemaFor } from '@glimmer/database/database.options';
import { migrateService } from '@glimmer/database/migrate';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';
import { networkConfigSchema, networkDatabase } from '../creator-network.config';
import { NETWORK_MIGRATIONS } from '.';

/** Outbox rows written before v2 held the invite's token and link: the upgrade strips them. */
describe('migration: invite tokens out of the outbox', () => {
  let env: TestEnv;
  let db: Client;
  beforeAll(async () => {
    env = await createTestEnv('net-mig-tok');
    db = new Client({ connectionString: env.databaseUrl });
  });
  afterAll(async () => {
    await db?.end();
    await env?.destroy();
  });

  it('strips token and acceptUrl from every v1 row and closes the unpublished ones', async () => {
    const database = networkDatabase(loadConfig(networkConfigSchema, env.env));
    const at = NETWORK_MIGRATIONS.findIndex(
      (m) => m.name === '20270110000000-invite-tokens-out-of-the-outbox',
    );
    expect(at).toBeGreaterThan(0);
    // The schema as it was just before this migration; the test then applies the rest.
    await migrateService({ ...database, migrations: NETWORK_MIGRATIONS.slice(0, at) });
    await db.connect();
    await db.query(`set search_path to "${schemaFor(env.prefix, 'creator-network')}"`);
    const token = 'dG9rZW4tdGhhdC13YXMta2VwdC1yZWFkYWJsZS0wMTIz';
    const v1 = (inviteId: string) => ({
      inviteId,
      brandName: 'Acme',
      email: 'ada@creator.test',
      token,
      acceptUrl: `http://127.0.0.1:3000/invites/accept?token=${token}`,
      expiresAt: new Date().toISOString(),
      message: null,
    });
    const [published, waiting, other] = [randomUUID(), randomUUID(), randomUUID()];
    await db.query(
      `insert into outbox_message (id, pattern, payload, published_at) values
         ($1, 'network.invite.sent.v1', $2, now() - interval '1 day'),
         ($3, 'network.invite.sent.v1', $4, null),
         ($5, 'network.offer.sent.v1', '{"offerId":"o"}', null)`,
      [published, v1(published), waiting, v1(waiting), other],
    );

    expect(await migrateService(database)).toEqual(NETWORK_MIGRATIONS.slice(at).map((m) => m.name));

    const rows = (
      await db.query<{ id: string; payload: Record<string, unknown>; published: boolean }>(
        `select id, payload, published_at is not null as published from outbox_message`,
      )
    ).rows;
    expect(JSON.stringify(rows)).not.toContain(token);
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of [published, waiting]) {
      expect(byId.get(id)).toMatchObject({ published: true });
      expect(byId.get(id)!.payload).toMatchObject({ inviteId: id, brandName: 'Acme' });
      expect(byId.get(id)!.payload).not.toHaveProperty('acceptUrl');
    }
    // Other events are left as they were.
    expect(byId.get(other)).toMatchObject({ published: false, payload: { offerId: 'o' } });
  });
});
