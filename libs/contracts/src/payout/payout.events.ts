import { IsEmail, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { IsMinorAmount, IsSupportedCurrency } from '@glimmer/money/money.validators';
import { eventContract } from '../contract';

/** What every payout notice carries: enough to email the creator without another lookup. */
export class PayoutNotice {
  @IsUUID()
  payoutId: string;

  @IsUUID()
  creatorId: string;

  @IsEmail()
  creatorEmail: string;

  @IsString()
  creatorName: string;

  @IsUUID()
  projectId: string;

  @IsString()
  projectTitle: string;

  @IsMinorAmount()
  amount: number;

  @IsSupportedCurrency()
  currency: string;
}

/**
 * A payout attempt is due at `dispatchAt`: the scheduler queues a delayed dispatch job (one per
 * payout and attempt). Attempt 1 also tells the creator the expected date.
 */
export class PayoutScheduled extends PayoutNotice {
  @IsInt()
  @Min(1)
  attempt: number;

  @IsISO8601()
  dispatchAt: string;

  /** YYYY-MM-DD */
  @IsString()
  expectedDate: string;

  /** Why this attempt exists: the first, or a retry after `lastError`. */
  @IsOptional()
  @IsString()
  lastError?: string | null;
}

/** The invoice is paid but the creator has no payout method: they are asked to add one. */
export class PayoutNeedsMethod extends PayoutNotice {}

/** The provider confirmed the transfer. */
export class PayoutPaid extends PayoutNotice {
  @IsISO8601()
  paidAt: string;

  @IsString()
  providerReference: string;
}

/** Every attempt failed: ops is flagged (`needs_attention`) and the creator told. */
export class PayoutFailed extends PayoutNotice {
  @IsInt()
  attempts: number;

  @IsString()
  reason: string;
}

export const PayoutScheduledEvent = eventContract(
  'payout',
  'payout.payout.scheduled.v1',
  PayoutScheduled,
);
export const PayoutNeedsMethodEvent = eventContract(
  'payout',
  'payout.payout.needs-method.v1',
  PayoutNeedsMethod,
);
export const PayoutPaidEvent = eventContract('payout', 'payout.payout.paid.v1', PayoutPaid);
export const PayoutFailedEvent = eventContract('payout', 'payout.payout.failed.v1', PayoutFailed);
