import type { EntityManager } from '@mikro-orm/postgresql';
import { lockIdempotencyName } from '@glimmer/database/idempotent-command';

// The recipe itself is shared (libs/database/src/idempotent-command.ts); these are credit's names for it.
export {
  assertSameRequest,
  canonicalJson,
  requestHash,
} from '@glimmer/database/idempotent-command';

/** Serialises requests that share one (brand, key) in credit until the holder's transaction ends. */
export async function lockIdempotencyKey(
  em: EntityManager,
  scope: 'deposit' | 'transfer' | 'invoice-draw',
  brandId: string,
  key: string,
): Promise<void> {
  await lockIdempotencyName(em, `credit:${scope}:${brandId}:${key}`);
}
