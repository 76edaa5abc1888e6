import { MikroORM } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { databaseOptions } from '@glimmer/database/database.options';
import { hashPassword } from '../auth/password';
import { GatewayConfig, gatewayDatabase } from '../gateway.config';
import { UserAccountRepository } from './user-account.repository';

/**
 * Makes sure the ops account from OPS_EMAIL/OPS_PASSWORD exists with that password: part of the
 * gateway's `migrate` step (issue 11), so it exists before any replica serves a sign-up (which
 * refuses OPS_EMAIL anyway, seeded or not). Safe to run again: the upsert converges. An
 * OPS_EMAIL that belongs to a brand or creator account stops the step: a person must decide.
 */
export async function seedOpsUser(config: GatewayConfig): Promise<{ opsEmail: string }> {
  const orm = await MikroORM.init(databaseOptions(gatewayDatabase(config)));
  try {
    const ok = await new UserAccountRepository(orm).upsertOps({
      id: randomUUID(),
      email: config.OPS_EMAIL,
      passwordHash: await hashPassword(config.OPS_PASSWORD),
      name: 'Glimmer operations',
    });
    if (!ok) {
      throw new Error(
        `OPS_EMAIL ${config.OPS_EMAIL} belongs to a non-ops account; the ops account was not created`,
      );
    }
    return { opsEmail: config.OPS_EMAIL };
  } finally {
    await orm.close(true);
  }
}
