import { OUTBOX_INBOX_TABLES } from '@glimmer/messaging/outbox/outbox.sql';
import { Brand } from './accounts/brand.entity';
import { EmailVerification } from './accounts/email-verification.entity';
import { UserAccount } from './accounts/user-account.entity';
import { AuthSession } from './auth/sessions/auth-session.entity';
import { RefreshToken } from './auth/sessions/refresh-token.entity';
import { IdempotencyRecord } from './idempotency/idempotency-record.entity';

/** Entities MikroORM discovers for the gateway schema. */
export const GATEWAY_ENTITIES: Function[] = [
  Brand,
  UserAccount,
  EmailVerification,
  AuthSession,
  RefreshToken,
  IdempotencyRecord,
];

/** Tables of this schema written with SQL on purpose: no entity, left out of the schema diff. */
export const GATEWAY_SQL_TABLES: readonly string[] = [...OUTBOX_INBOX_TABLES];
