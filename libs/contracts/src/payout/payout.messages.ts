import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IntersectionType } from '@nestjs/mapped-types';
import { rpcContract } from '../contract';
import { Page, PageQuery } from '../page';
import { ActorRequest } from '../validation';

export const PAYOUT_STATUSES = [
  'needs_method',
  'scheduled',
  'processing',
  'paid',
  'failed',
  'needs_attention',
] as const;
export type PayoutStatus = (typeof PAYOUT_STATUSES)[number];

export interface PayoutView {
  id: string;
  projectId: string;
  invoiceId: string;
  creatorId: string;
  amount: number;
  currency: string;
  status: PayoutStatus;
  /** The day the payout is expected to reach the creator (YYYY-MM-DD); null while it needs a method. */
  expectedDate: string | null;
  /** The latest date the two-week promise allows (YYYY-MM-DD). */
  dueBy: string;
  attempts: number;
  lastError: string | null;
  payoutMethodId: string | null;
  createdAt: string;
  paidAt: string | null;
}

/** One attempt at sending a payout, as the payout service recorded it. */
export interface PayoutAttemptView {
  attempt: number;
  startedAt: string;
  /** null while the attempt is in flight (or its outcome is unknown and the sweep re-drives it). */
  finishedAt: string | null;
  outcome: 'paid' | 'failed' | null;
  error: string | null;
  providerReference: string | null;
}

/** A payout as ops see it in lists: what it is for and when it last changed. */
export interface OpsPayoutSummary extends PayoutView {
  projectTitle: string;
  brandId: string;
  updatedAt: string;
}

/** One payout with its history, for ops looking into it. */
export interface OpsPayoutView extends OpsPayoutSummary {
  /** Every attempt recorded, oldest first. */
  history: PayoutAttemptView[];
}

export interface CreatorDashboardView {
  nextPayment: { date: string; amount: number; currency: string } | null;
  /** Totals per currency would be a list; creators are paid in one currency per payout. */
  pendingTotal: number;
  paidTotal: number;
  currency: string | null;
  payouts: {
    projectId: string;
    payoutId: string;
    expectedDate: string | null;
    status: PayoutStatus;
    amount: number;
  }[];
}

export class ListMyPayoutsRequest extends IntersectionType(ActorRequest, PageQuery) {
  @ApiPropertyOptional({ enum: PAYOUT_STATUSES, enumName: 'PayoutStatus' })
  @IsOptional()
  @IsIn(PAYOUT_STATUSES)
  status?: PayoutStatus;
}

export class GetCreatorDashboardRequest extends ActorRequest {}

export class PayoutsForProjectsRequest extends ActorRequest {
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  projectIds: string[];
}

/** The scheduler's job: send payout `payoutId`'s attempt `attempt` (idempotent per attempt). */
export class DispatchPayoutRequest {
  @IsUUID()
  payoutId: string;

  @IsInt()
  @Min(1)
  attempt: number;
}

export interface DispatchPayoutResult {
  payoutId: string;
  status: PayoutStatus;
  attempt: number;
  /** Set when this call did nothing because another attempt or state already won. */
  skipped?: string;
}

/** Payouts whose dispatch is due (or overdue, or stuck in processing): the sweep's safety net. */
export class DuePayoutsRequest {
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  limit: number;

  /** Only payouts due at least this long ago, so the delayed job gets its chance first. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  graceMs: number;
}

export interface DuePayout {
  payoutId: string;
  attempt: number;
  dispatchAt: string;
}

/** Ops: look a payout up, or move a flagged one on. */
export class GetPayoutRequest extends ActorRequest {
  @IsUUID()
  payoutId: string;
}

/** Ops: every payout (or those in one status), newest first. */
export class ListPayoutsForOpsRequest extends IntersectionType(ActorRequest, PageQuery) {
  @IsOptional()
  @IsIn(PAYOUT_STATUSES)
  status?: PayoutStatus;
}

export class RetryPayoutRequest extends ActorRequest {
  @IsUUID()
  payoutId: string;
}

export const ListMyPayoutsRpc = rpcContract<ListMyPayoutsRequest, Page<PayoutView>>(
  'payout',
  'payout.payout.list-mine.v1',
  ListMyPayoutsRequest,
);
export const GetCreatorDashboardRpc = rpcContract<GetCreatorDashboardRequest, CreatorDashboardView>(
  'payout',
  'payout.dashboard.get.v1',
  GetCreatorDashboardRequest,
);
export const PayoutsForProjectsRpc = rpcContract<PayoutsForProjectsRequest, { data: PayoutView[] }>(
  'payout',
  'payout.payout.for-projects.v1',
  PayoutsForProjectsRequest,
);
export const DispatchPayoutRpc = rpcContract<DispatchPayoutRequest, DispatchPayoutResult>(
  'payout',
  'payout.payout.dispatch.v1',
  DispatchPayoutRequest,
);
export const DuePayoutsRpc = rpcContract<DuePayoutsRequest, { data: DuePayout[] }>(
  'payout',
  'payout.payout.due.v1',
  DuePayoutsRequest,
);
export const ListPayoutsForOpsRpc = rpcContract<ListPayoutsForOpsRequest, Page<OpsPayoutSummary>>(
  'payout',
  'payout.payout.list-for-ops.v1',
  ListPayoutsForOpsRequest,
);
export const GetPayoutRpc = rpcContract<GetPayoutRequest, OpsPayoutView>(
  'payout',
  'payout.payout.get.v1',
  GetPayoutRequest,
);
export const RetryPayoutRpc = rpcContract<RetryPayoutRequest, PayoutView>(
  'payout',
  'payout.payout.retry.v1',
  RetryPayoutRequest,
);
