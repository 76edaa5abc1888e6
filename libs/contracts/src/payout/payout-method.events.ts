import { IsBoolean, IsEmail, IsIn, IsISO8601, IsObject, IsString, IsUUID } from 'class-validator';
import { eventContract } from '../contract';
import { PAYOUT_METHOD_TYPES, PayoutMethodType } from './payout-method.messages';

/** What happened to a creator's payout method (only these change where money goes). */
export const PAYOUT_METHOD_CHANGES = ['added', 'made_preferred'] as const;
export type PayoutMethodChange = (typeof PAYOUT_METHOD_CHANGES)[number];

/**
 * A creator's payout method changed: the creator is emailed every time, so a change they did
 * not make (a stolen session) does not go unnoticed. Carries masked details only.
 */
export class PayoutMethodChanged {
  @IsIn(PAYOUT_METHOD_CHANGES)
  change: PayoutMethodChange;

  @IsUUID()
  creatorId: string;

  @IsEmail()
  creatorEmail: string;

  @IsString()
  creatorName: string;

  @IsUUID()
  methodId: string;

  @IsIn(PAYOUT_METHOD_TYPES)
  type: PayoutMethodType;

  /** The method's name as the creator sees it ("Local bank transfer"). */
  @IsString()
  methodName: string;

  @IsString()
  country: string;

  /** Field name → masked value ("••••6819", "a•••@example.com"); never a full secret. */
  @IsObject()
  maskedDetails: Record<string, string>;

  /** Whether payouts now go to this method. */
  @IsBoolean()
  preferred: boolean;

  @IsISO8601()
  changedAt: string;
}

export const PayoutMethodChangedEvent = eventContract(
  'payout',
  'payout.payout-method.changed.v1',
  PayoutMethodChanged,
);
