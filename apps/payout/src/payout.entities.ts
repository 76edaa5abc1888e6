import { OUTBOX_INBOX_TABLES } from '@glimmer/messaging/outbox/outbox.sql';
import { Creator } from './creators/creator.entity';
import { PayoutMethod } from './payout-methods/payout-method.entity';
import { PayoutAttempt } from './payouts/payout-attempt.entity';
import { Payout } from './payouts/payout.entity';
import { SandboxProviderTransfer } from './provider/sandbox-provider-transfer.entity';

/** Entities MikroORM discovers for the payout schema. */
export const PAYOUT_ENTITIES: Function[] = [
  Creator,
  PayoutMethod,
  Payout,
  PayoutAttempt,
  SandboxProviderTransfer,
];

/** Tables of this schema written with SQL on purpose: no entity, left out of the schema diff. */
export const PAYOUT_SQL_TABLES: readonly string[] = [...OUTBOX_INBOX_TABLES];
