import { MikroORM } from '@mikro-orm/postgresql';
import type { LedgerVerification } from '@glimmer/contracts/credit/ledger.messages';
import { databaseOptions } from '@glimmer/database/database.options';
import { CreditConfig, creditDatabase } from '../credit.config';
import { LedgerVerificationService } from './ledger-verification.service';

/**
 * `main.js ledger:verify`: the same proof as the ops endpoint, straight against the database
 * (no broker, no Nest), so it works while the service or RabbitMQ is down.
 */
export async function verifyLedgerCommand(config: CreditConfig): Promise<LedgerVerification> {
  const orm = await MikroORM.init(databaseOptions(creditDatabase(config)));
  try {
    return await new LedgerVerificationService(orm).verify();
  } finally {
    await orm.close(true);
  }
}
