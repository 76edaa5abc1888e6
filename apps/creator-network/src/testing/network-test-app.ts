import { LaunchOptions, ServiceTestApp } from '@glimmer/testing/service-test-app';
import { randomUUID } from 'node:crypto';
import type { BrandActor } from '@glimmer/contracts/actor';
import { AcceptInviteRpc, CreateInviteRpc } from '@glimmer/contracts/network/invite.messages';
import { InviteSentEvent } from '@glimmer/contracts/network/network.events';
import type { CreatorActor } from '@glimmer/contracts/actor';
import { NetworkConfig, networkConfigSchema, networkDatabase } from '../creator-network.config';
import { CreatorNetworkModule } from '../creator-network.module';
import { deriveInviteToken } from '../invites/invite-token';

/**
 * The real creator-network service in-process against its own database and broker names,
 * called over RabbitMQ as the gateway calls it, plus a SQL pool for assertions. Invite tokens
 * are derived, as the scheduler's link RPC does, from the nonce in the invite email's event.
 */
export class NetworkTestApp extends ServiceTestApp<NetworkConfig> {
  static async start(label: string, options: LaunchOptions = {}): Promise<NetworkTestApp> {
    return new NetworkTestApp(
      await ServiceTestApp.launch(
        label,
        {
          service: 'creator-network',
          configSchema: networkConfigSchema,
          database: networkDatabase,
          module: (config) => CreatorNetworkModule.forRoot(config),
        },
        options,
      ),
    );
  }

  /** The token of the latest invite email for this invite (its nonce is in the outbox). */
  async tokenOf(inviteId: string): Promise<string> {
    const [row] = await this.sql<{ nonce: string }>(
      `select payload->>'nonce' as nonce from outbox_message
        where pattern = $1 and payload->>'inviteId' = $2
        order by seq desc limit 1`,
      [InviteSentEvent.pattern, inviteId],
    );
    if (!row) throw new Error(`no invite email for ${inviteId}`);
    return deriveInviteToken(this.config.INVITE_TOKEN_SECRET, inviteId, row.nonce);
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
