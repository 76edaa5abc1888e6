import { IsEmail, IsIn, IsOptional, IsString, IsUUID } from 'class-validator';
import { IsSupportedCurrency } from '@glimmer/money/money.validators';
import type { Currency } from '@glimmer/money/money';

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
