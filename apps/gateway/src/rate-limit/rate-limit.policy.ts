import { createHash } from 'node:crypto';
import type { GatewayConfig } from '../gateway.config';

/**
 * The limited route groups. `ip` policies key on the client address (unauthenticated routes);
 * `tenant` policies key on the caller's brand or creator (every user of a tenant shares it).
 */
export const RATE_LIMIT_POLICIES = {
  login: { by: 'ip', limit: 'RATE_LIMIT_LOGIN_PER_IP' },
  signup: { by: 'ip', limit: 'RATE_LIMIT_SIGNUP_PER_IP' },
  invite: { by: 'ip', limit: 'RATE_LIMIT_INVITE_PER_IP' },
  // Email verification links: a token link opened from an email, counted like invite links.
  verifyEmail: { by: 'ip', limit: 'RATE_LIMIT_INVITE_PER_IP' },
  resend: { by: 'tenant', limit: 'RATE_LIMIT_RESEND_PER_TENANT' },
  upload: { by: 'tenant', limit: 'RATE_LIMIT_UPLOAD_PER_TENANT' },
  write: { by: 'tenant', limit: 'RATE_LIMIT_WRITE_PER_TENANT' },
} as const satisfies Record<string, { by: 'ip' | 'tenant'; limit: keyof GatewayConfig }>;

export type RateLimitPolicy = keyof typeof RATE_LIMIT_POLICIES;

/** The tenant a signed-in caller counts against: brand, else creator, else the user. */
export function tenantOf(actor?: {
  brandId?: string | null;
  creatorId?: string | null;
  userId?: string;
}): string | undefined {
  if (actor?.brandId) return `brand:${actor.brandId}`;
  if (actor?.creatorId) return `creator:${actor.creatorId}`;
  if (actor?.userId) return `user:${actor.userId}`;
  return undefined;
}

/** Accounts are keyed by a hash of the normalised email, so Redis never holds addresses. */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);
}

/**
 * The wait after the `failures`-th consecutive failed login: none up to `free`, then `baseMs`,
 * doubling with each further failure, never above `maxMs`.
 */
export function backoffMs(failures: number, free: number, baseMs: number, maxMs: number): number {
  if (failures < free) return 0;
  const doublings = Math.min(failures - free, 40);
  return Math.min(maxMs, baseMs * 2 ** doublings);
}

/** Seconds for `Retry-After`: whole seconds, at least 1. */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
