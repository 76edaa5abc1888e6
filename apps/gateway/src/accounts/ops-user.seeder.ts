import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CONFIG } from '@glimmer/config/config';
import { hashPassword } from '../auth/password';
import type { GatewayConfig } from '../gateway.config';
import { UserAccountRepository } from './user-account.repository';

/**
 * Makes sure the ops account from OPS_EMAIL/OPS_PASSWORD exists with that password. Safe on
 * every replica's start: the upsert converges whatever the order.
 */
@Injectable()
export class OpsUserSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(OpsUserSeeder.name);

  constructor(
    private readonly users: UserAccountRepository,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.OPS_EMAIL;
    const passwordHash = await hashPassword(this.config.OPS_PASSWORD);
    const ok = await this.users.upsertOps({
      id: randomUUID(),
      email,
      passwordHash,
      name: 'Glimmer operations',
    });
    if (!ok)
      this.logger.error(
        `OPS_EMAIL ${email} belongs to a non-ops account; the ops account was not created`,
      );
  }
}
