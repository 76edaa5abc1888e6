import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsMinorAmount, IsSupportedCurrency } from '@glimmer/money/money.validators';
import { eventContract } from '../contract';
import { DEPOSIT_STATUSES, DepositStatus } from './deposit.messages';

class CostCodeRef {
  @IsUUID()
  id: string;

  @IsString()
  code: string;

  @IsString()
  name: string;
}

/**
 * The whole deposit as it stands after a change. Every deposit event carries it, so a consumer
 * can apply events in any order by keeping the highest `version` it has seen.
 */
export class DepositSnapshot {
  @IsUUID()
  depositId: string;

  @IsUUID()
  brandId: string;

  @IsUUID()
  creditInvoiceId: string;

  @ValidateNested()
  @Type(() => CostCodeRef)
  costCode: CostCodeRef;

  @IsMinorAmount()
  amount: number;

  @IsSupportedCurrency()
  currency: string;

  @IsIn(DEPOSIT_STATUSES)
  status: DepositStatus;

  @IsInt()
  @Min(1)
  version: number;

  @IsISO8601()
  createdAt: string;

  @IsOptional()
  @IsISO8601()
  fundsConfirmedAt: string | null;

  @IsOptional()
  @IsISO8601()
  clearedAt: string | null;

  @IsOptional()
  @IsISO8601()
  voidedAt: string | null;
}

export const DepositPendingEvent = eventContract(
  'credit',
  'credit.deposit.pending.v1',
  DepositSnapshot,
);
export const DepositFundsConfirmedEvent = eventContract(
  'credit',
  'credit.deposit.funds-confirmed.v1',
  DepositSnapshot,
);
export const DepositClearedEvent = eventContract(
  'credit',
  'credit.deposit.cleared.v1',
  DepositSnapshot,
);
export const DepositVoidedEvent = eventContract(
  'credit',
  'credit.deposit.voided.v1',
  DepositSnapshot,
);
