import { IsEmail, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { IsSupportedCurrency } from '@glimmer/money/money.validators';
import type { Currency } from '@glimmer/money/money';
import { DomainError } from '@glimmer/errors/domain-error';

export const ROLES = ['brand', 'creator', 'ops'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is asking, as the gateway authenticated them. Services scope every read and write by it:
 * a brand member only touches its brand's rows, and another tenant's id answers not_found.
 */
export class Actor {
  @IsUUID()
  userId: string;

  @IsIn(ROLES)
  role: Role;

  @IsOptional()
  @IsUUID()
  brandId?: string;

  @IsOptional()
  @IsUUID()
  creatorId?: string;

  /** The brand account's currency (brand members only). */
  @IsOptional()
  @IsSupportedCurrency()
  currency?: Currency;

  @IsOptional()
  @IsEmail()
  email?: string;

  @IsOptional()
  @IsString()
  name?: string;
}

/** A brand member's actor with its brand fields present; anything else is a programming error. */
export interface BrandActor extends Actor {
  role: 'brand';
  brandId: string;
  currency: Currency;
}

export function isBrandActor(actor: Actor): actor is BrandActor {
  return actor.role === 'brand' && !!actor.brandId && !!actor.currency;
}

/** A creator's actor with its creator id present. */
export interface CreatorActor extends Actor {
  role: 'creator';
  creatorId: string;
}

export function isCreatorActor(actor: Actor): actor is CreatorActor {
  return actor.role === 'creator' && !!actor.creatorId;
}

/*
 * The guards every service starts its use cases with. The gateway checks roles already; these
 * keep each service safe on its own. A wrong actor is `forbidden`, never another tenant's data.
 */

export function requireBrand(actor: Actor): BrandActor {
  if (!isBrandActor(actor)) throw new DomainError('forbidden', 'only a brand member may do this');
  return actor;
}

export function requireCreator(actor: Actor): CreatorActor {
  if (!isCreatorActor(actor)) throw new DomainError('forbidden', 'only a creator may do this');
  return actor;
}

export function requireOps(actor: Actor): Actor {
  if (actor.role !== 'ops') throw new DomainError('forbidden', 'only ops may do this');
  return actor;
}

/** Brand members and creators each see their own side of offers, projects and invoices. */
export type Party = { kind: 'brand'; brandId: string } | { kind: 'creator'; creatorId: string };

export function partyOf(actor: Actor): Party {
  if (isBrandActor(actor)) return { kind: 'brand', brandId: actor.brandId };
  if (isCreatorActor(actor)) return { kind: 'creator', creatorId: actor.creatorId };
  throw new DomainError('forbidden', 'only a brand member or a creator may do this');
}
