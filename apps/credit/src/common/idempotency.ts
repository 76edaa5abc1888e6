import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { DomainError } from '@glimmer/errors/domain-error';

/** JSON with sorted keys, so two equal requests hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** What "the same request" means for an Idempotency-Key: the hash of the fields that matter. */
export function requestHash(fields: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/**
 * Serialises requests that share one (brand, key) until the holder's transaction ends, so a
 * concurrent duplicate waits and then finds the first one's committed row instead of racing
 * it (which would also race any cost code created on the fly). The unique constraint on the
 * key stays as the backstop.
 */
export async function lockIdempotencyKey(
  em: EntityManager,
  scope: 'deposit' | 'transfer' | 'invoice-draw',
  brandId: string,
  key: string,
): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [
    `credit:${scope}:${brandId}:${key}`,
  ]);
}

/** The stored request for a key: same hash → replay it; different → 422. */
export function assertSameRequest(storedHash: string, hash: string): void {
  if (storedHash !== hash) {
    throw new DomainError(
      'idempotency_key_reused',
      'this Idempotency-Key was already used with a different request',
    );
  }
}
