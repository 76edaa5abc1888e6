import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { SerializedError } from '@glimmer/errors/domain-error';
import { IsMinorAmount } from '@glimmer/money/money.validators';
import { IntersectionType } from '@nestjs/mapped-types';
import { rpcContract } from '../contract';
import { Page, PageQuery } from '../page';
import { ActorRequest, IDEMPOTENCY_KEY_PATTERN } from '../validation';
import { NewCostCode } from './cost-code.messages';

export const DEPOSIT_STATUSES = ['pending', 'cleared', 'voided'] as const;
export type DepositStatus = (typeof DEPOSIT_STATUSES)[number];

export interface DepositView {
  id: string;
  status: DepositStatus;
  amount: number;
  currency: string;
  costCodeId: string;
  creditInvoiceId: string;
  createdAt: string;
  fundsConfirmedAt: string | null;
  clearedAt: string | null;
  voidedAt: string | null;
}

/** Add credit: to an existing cost code (`costCodeId`) or to one created on the fly (`costCode`). */
export class CreateDepositRequest extends ActorRequest {
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey: string;

  @ApiProperty({ description: 'Minor units (cents), > 0', example: 250000 })
  @IsMinorAmount()
  amount: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The destination cost code' })
  @IsOptional()
  @IsUUID()
  costCodeId?: string;

  @ApiPropertyOptional({
    type: () => NewCostCode,
    description: 'A destination cost code to create on the fly',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NewCostCode)
  costCode?: NewCostCode;
}

export class GetDepositRequest extends ActorRequest {
  @IsUUID()
  depositId: string;
}

/** Delete an unpaid credit invoice: voids its deposit and removes the pending credit. */
export class VoidCreditInvoiceRequest extends ActorRequest {
  @IsUUID()
  creditInvoiceId: string;
}

export interface VoidCreditInvoiceResult {
  id: string;
  status: 'void';
  depositId: string;
  pendingCreditRemoved: number;
  currency: string;
}

export const FUNDS_CONFIRMATION_SOURCES = ['webhook', 'ops', 'sandbox'] as const;
export type FundsConfirmationSource = (typeof FUNDS_CONFIRMATION_SOURCES)[number];

/** The payment provider (or ops) says a credit invoice's funds arrived. No actor: not a user's act. */
export class ConfirmFundsRequest {
  @IsUUID()
  creditInvoiceId: string;

  @IsIn(FUNDS_CONFIRMATION_SOURCES)
  source: FundsConfirmationSource;
}

/** Move a confirmed deposit from pending to available. Safe to send any number of times. */
export class ClearDepositRequest {
  @IsUUID()
  depositId: string;
}

/** The most deposits one ClearDepositsRpc clears (one transaction). */
export const CLEAR_DEPOSITS_MAX = 200;

export class ClearDepositsRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CLEAR_DEPOSITS_MAX)
  @IsUUID('all', { each: true })
  depositIds: string[];
}

/** One deposit's answer in a run: the deposit as it now stands, or why it did not clear. */
export type ClearDepositOutcome =
  { depositId: string; deposit: DepositView } | { depositId: string; error: SerializedError };

export interface ClearDepositsResult {
  /** One outcome per requested id, in the request's order (a repeated id answers twice). */
  outcomes: ClearDepositOutcome[];
}

export class ListPendingDepositsRequest {
  @IsOptional()
  @IsUUID()
  afterId?: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number;
}

export interface PendingDepositRef {
  id: string;
  creditInvoiceId: string;
  createdAt: string;
  fundsConfirmedAt: string | null;
}

/** A deposit as ops see it: whose it is and on which cost code. */
export interface OpsDepositView extends DepositView {
  brandId: string;
  costCode: { code: string; name: string };
}

/** At most a year: a deposit pending longer is a matter for finance, not a filter. */
export const MAX_OLDER_THAN_MINUTES = 525_600;

/** Ops: deposits in a status (pending ones waiting longer than expected), oldest first. */
export class ListDepositsForOpsRequest extends IntersectionType(ActorRequest, PageQuery) {
  @ApiPropertyOptional({ enum: DEPOSIT_STATUSES, enumName: 'DepositStatus', example: 'pending' })
  @IsOptional()
  @IsIn(DEPOSIT_STATUSES)
  status?: DepositStatus;

  /** Only deposits made at least this many minutes ago. */
  @ApiPropertyOptional({
    minimum: 0,
    maximum: MAX_OLDER_THAN_MINUTES,
    example: 60,
    description: 'Only deposits made at least this many minutes ago',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OLDER_THAN_MINUTES)
  olderThanMinutes?: number;
}

/** Ops: one deposit by its own id or by its credit invoice's id. */
export class FindDepositForOpsRequest extends ActorRequest {
  @IsUUID()
  id: string;
}

export const CreateDepositRpc = rpcContract<CreateDepositRequest, DepositView>(
  'credit',
  'credit.deposit.create.v1',
  CreateDepositRequest,
);
export const GetDepositRpc = rpcContract<GetDepositRequest, DepositView>(
  'credit',
  'credit.deposit.get.v1',
  GetDepositRequest,
);
export const VoidCreditInvoiceRpc = rpcContract<VoidCreditInvoiceRequest, VoidCreditInvoiceResult>(
  'credit',
  'credit.deposit.void-by-credit-invoice.v1',
  VoidCreditInvoiceRequest,
);
export const ConfirmFundsRpc = rpcContract<ConfirmFundsRequest, DepositView>(
  'credit',
  'credit.deposit.confirm-funds.v1',
  ConfirmFundsRequest,
);
export const ClearDepositRpc = rpcContract<ClearDepositRequest, DepositView>(
  'credit',
  'credit.deposit.clear.v1',
  ClearDepositRequest,
);
/** A run of deposits cleared in one transaction (the scheduler's clearing jobs, coalesced). */
export const ClearDepositsRpc = rpcContract<ClearDepositsRequest, ClearDepositsResult>(
  'credit',
  'credit.deposit.clear-many.v1',
  ClearDepositsRequest,
);
export const ListPendingDepositsRpc = rpcContract<
  ListPendingDepositsRequest,
  { data: PendingDepositRef[]; nextAfterId: string | null }
>('credit', 'credit.deposit.list-pending.v1', ListPendingDepositsRequest);
export const ListDepositsForOpsRpc = rpcContract<ListDepositsForOpsRequest, Page<OpsDepositView>>(
  'credit',
  'credit.deposit.list-for-ops.v1',
  ListDepositsForOpsRequest,
);
export const FindDepositForOpsRpc = rpcContract<FindDepositForOpsRequest, OpsDepositView>(
  'credit',
  'credit.deposit.find-for-ops.v1',
  FindDepositForOpsRequest,
);
