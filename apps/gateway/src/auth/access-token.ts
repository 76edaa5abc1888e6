import { Actor, ROLES, Role } from '@glimmer/contracts/actor';
import type { Currency } from '@glimmer/money/money';

/** What an access token says about its holder (HS256-signed JWT claims). */
export interface AccessClaims {
  sub: string;
  role: Role;
  brandId?: string;
  creatorId?: string;
  /** The brand account's currency (brand members only). */
  currency?: Currency;
  email: string;
  name: string;
  /** The session the token belongs to (auth_session.id): revoking it ends the token too. */
  sid: string;
}

/** Who an access token is issued to (a user account, its brand's currency for members). */
export interface TokenHolder {
  id: string;
  role: Role;
  brandId: string | null;
  creatorId: string | null;
  currency: Currency | null;
  email: string;
  name: string;
}

export function claimsFor(user: TokenHolder, sid: string): AccessClaims {
  return {
    sub: user.id,
    role: user.role,
    ...(user.brandId ? { brandId: user.brandId } : {}),
    ...(user.creatorId ? { creatorId: user.creatorId } : {}),
    ...(user.currency ? { currency: user.currency } : {}),
    email: user.email,
    name: user.name,
    sid,
  };
}

/** The Actor every RPC carries, from verified claims; null when the claims are not Glimmer's. */
export function actorFromClaims(claims: Partial<AccessClaims>): Actor | null {
  if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role as Role)) return null;
  const actor: Actor = { userId: claims.sub, role: claims.role as Role };
  if (claims.brandId) actor.brandId = claims.brandId;
  if (claims.creatorId) actor.creatorId = claims.creatorId;
  if (claims.currency) actor.currency = claims.currency;
  if (claims.email) actor.email = claims.email;
  if (claims.name) actor.name = claims.name;
  if (actor.role === 'brand' && (!actor.brandId || !actor.currency)) return null;
  if (actor.role === 'creator' && !actor.creatorId) return null;
  return actor;
}
