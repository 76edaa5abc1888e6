import { IsEmail, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsSupportedCurrency } from '@glimmer/money/money.validators';
import { eventContract } from '../contract';

/** A brand signed up: its account, currency and finance contact, and its first admin. */
export class BrandRegistered {
  @IsUUID()
  brandId: string;

  @IsString()
  @MaxLength(200)
  name: string;

  @IsSupportedCurrency()
  currency: string;

  @IsEmail()
  financeEmail: string;

  @IsUUID()
  adminUserId: string;

  @IsEmail()
  adminEmail: string;

  @IsString()
  adminName: string;
}

export const BrandRegisteredEvent = eventContract(
  'gateway',
  'identity.brand.registered.v1',
  BrandRegistered,
);
