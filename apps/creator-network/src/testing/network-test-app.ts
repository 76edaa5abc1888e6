import { ServiceTestApp } from '@glimmer/testing/service-test-app';
import { randomUUID } from 'node:crypto';
import type { BrandActor } from '@glimmer/contracts/actor';
import { AcceptInviteRpc, CreateInviteRpc } from '@glimmer/contracts/network/invite.messages';
import type { CreatorActor } from '../common/actors';
import { NetworkConfig, networkConfigSchema, networkDatabase } from '../creator-network.config';
import { CreatorNetworkModule } from '../creator-network.module';

/**
 * The real creator-network service in-process against its own database and broker names,
 * called over RabbitMQ as the gateway calls it, plus a SQL pool for assertions. Invite tokens
 * are read back from the outbox (where the invite email's event waits), as a mailbox would.
 */
export class NetworkTestApp extends ServiceTestApp<NetworkConfig> {
  /** `overrides`: settings for this file (the file storage's directory, small quotas). */
  static async start(
    label: string,
    overrides: Record<string, string> = {},
  ): Promise<NetworkTestApp> {
    return new NetworkTestApp(
      await ServiceTestApp.launch(
        label,
        {
          service: 'creator-network',
          configSchema: networkConfigSchema,
          database: networkDatabase,
          module: (config) => CreatorNetworkModule.forRoot(config),
        },
        { overrides },
      ),
    );
  }

  /** The token of the latest invite email for this invite, from the outbox. */
  async tokenOf(inviteId: string): Promise<string> {
    const [row] = await this.sql<{ token: string }>(
      `select payload->>'token' as token from outbox_message
        where pattern = 'network.invite.sent.v1' and payload->>'inviteId' = $1
        order by seq desc limit 1`,
      [inviteId],
    );
    if (!row) throw new Error(`no invite email for ${inviteId}`);
    return row.token;
  }

  async events(pattern: string): Promise<Record<string, unknown>[]> {
    const rows = await this.sql<{ payload: Record<string, unknown> }>(
      `select payload from outbox_message where pattern = $1 order by seq`,
      [pattern],
    );
    return rows.map((r) => r.payload);
  }

  /** Invites `email` and accepts it anonymously: a creator in the brand's network. */
  async creatorIn(brand: BrandActor, email = `c-${randomUUID().slice(0, 8)}@creator.test`) {
    const invite = await this.call(CreateInviteRpc, { actor: brand, email });
    const accepted = await this.call(AcceptInviteRpc, {
      token: await this.tokenOf(invite.id),
      name: 'Test Creator',
    });
    const actor: CreatorActor = {
      userId: randomUUID(),
      role: 'creator',
      creatorId: accepted.creatorId,
      email,
    };
    return { invite, accepted, actor };
  }
}
