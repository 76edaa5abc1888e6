import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsMinorAmount } from '@glimmer/money/money.validators';
import { IntersectionType } from '@nestjs/mapped-types';
import { rpcContract } from '../contract';
import { Page, PageQuery } from '../page';
import { ActorRequest } from '../validation';
import type { DepositStatus, DepositView } from './deposit.messages';

/**
 * What became of a payment the provider told us about. Only `applied` confirms a deposit's
 * funds; every other outcome is money that arrived and cleared nothing, kept for ops to refund
 * or to re-open:
 * - `amount_mismatch`: more or less than the deposit (a partial or an over-payment);
 * - `currency_mismatch`: another currency than the deposit's;
 * - `deposit_voided`: late funds for a credit invoice that was deleted (voided);
 * - `already_paid`: a second payment for a credit invoice another notice already paid.
 */
export const PAYMENT_NOTICE_OUTCOMES = [
  'applied',
  'amount_mismatch',
  'currency_mismatch',
  'deposit_voided',
  'already_paid',
] as const;
export type PaymentNoticeOutcome = (typeof PAYMENT_NOTICE_OUTCOMES)[number];

/**
 * How ops settled a payment that cleared nothing. Glimmer moves no money when this is recorded:
 * it is the person's account of what they did elsewhere.
 * - `refunded`: the money went back to the payer, at the payment provider;
 * - `credited_manually`: the brand got the credit by hand instead (e.g. a new deposit for the
 *   amount, marked paid), so the money stays and is accounted for;
 * - `reversed_by_provider`: the provider reversed or never settled it (a chargeback, a failed
 *   transfer): there is no money to return.
 */
export const PAYMENT_RESOLUTIONS = [
  'refunded',
  'credited_manually',
  'reversed_by_provider',
] as const;
export type PaymentResolution = (typeof PAYMENT_RESOLUTIONS)[number];

/** Unmatched payments waiting for a person (`open`) or settled by one (`resolved`). */
export const UNMATCHED_PAYMENT_STATUSES = ['open', 'resolved'] as const;
export type UnmatchedPaymentStatus = (typeof UNMATCHED_PAYMENT_STATUSES)[number];

export const RESOLUTION_NOTE_MAX = 500;

/** The provider's own id for a payment: printable, no spaces, as providers make them. */
export const PROVIDER_REFERENCE_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * The payment provider says money arrived for a credit invoice (the gateway checked the
 * signature and its timestamp). No actor: not a user's act. One provider reference is one
 * payment: a notice repeated with it is answered as the first was, and changes nothing.
 */
export class ReceivePaymentRequest {
  @IsUUID()
  creditInvoiceId: string;

  @IsMinorAmount()
  amount: number;

  /** Any ISO 4217 code: a currency Glimmer does not offer is still a payment to record. */
  @Matches(/^[A-Z]{3}$/)
  currency: string;

  @Matches(PROVIDER_REFERENCE_PATTERN)
  providerReference: string;

  /** When the provider signed the notice (the signature's timestamp). */
  @IsOptional()
  @IsISO8601({ strict: true })
  signedAt?: string;
}

/** A payment notice as recorded, with what the deposit expected. */
export interface PaymentNoticeView {
  id: string;
  providerReference: string;
  creditInvoiceId: string;
  depositId: string;
  brandId: string;
  amount: number;
  currency: string;
  outcome: PaymentNoticeOutcome;
  expected: { amount: number; currency: string };
  depositStatus: DepositStatus;
  signedAt: string | null;
  receivedAt: string;
  /** `resolved` once ops recorded what they did with the money; the fields below say what. */
  status: UnmatchedPaymentStatus;
  resolution: PaymentResolution | null;
  resolutionNote: string | null;
  resolvedBy: { userId: string; email: string | null } | null;
  resolvedAt: string | null;
}

export interface ReceivePaymentResult {
  notice: PaymentNoticeView;
  deposit: DepositView;
}

/**
 * Ops: payments that arrived and cleared nothing (every outcome but `applied`), oldest first;
 * the open ones unless `status` says otherwise.
 */
export class ListUnmatchedPaymentsRequest extends IntersectionType(ActorRequest, PageQuery) {
  @ApiPropertyOptional({
    enum: UNMATCHED_PAYMENT_STATUSES,
    enumName: 'UnmatchedPaymentStatus',
    default: 'open',
    description: '`open`: waiting for a person; `resolved`: someone recorded what they did',
  })
  @IsOptional()
  @IsIn(UNMATCHED_PAYMENT_STATUSES)
  status?: UnmatchedPaymentStatus;
}

/** Ops record what they did with a payment that cleared nothing. Moves no money. */
export class ResolveUnmatchedPaymentRequest extends ActorRequest {
  @IsUUID()
  paymentNoticeId: string;

  @IsIn(PAYMENT_RESOLUTIONS)
  resolution: PaymentResolution;

  /** What was done and where (a refund's reference, the new deposit): the record for audit. */
  @IsString()
  @Matches(/\S/, { message: 'note must say what was done' })
  @MaxLength(RESOLUTION_NOTE_MAX)
  note: string;
}

/**
 * Answers an `applied` notice with the result. Any other outcome is committed first and then
 * answered as a 409 naming the notice: `payment_mismatch` (amount or currency),
 * `deposit_voided`, `credit_invoice_already_paid`.
 */
export const ReceivePaymentRpc = rpcContract<ReceivePaymentRequest, ReceivePaymentResult>(
  'credit',
  'credit.payment.receive.v1',
  ReceivePaymentRequest,
);
export const ListUnmatchedPaymentsRpc = rpcContract<
  ListUnmatchedPaymentsRequest,
  Page<PaymentNoticeView>
>('credit', 'credit.payment.list-unmatched.v1', ListUnmatchedPaymentsRequest);

/**
 * Records the resolution of an unmatched payment, once. Another outcome (`applied`) or an unknown
 * id is `not_found`; a payment already resolved is 409 `payment_already_resolved` — unless it is
 * this same resolution (same person, resolution and note): a retry or a redelivered request,
 * answered with the row as it stands.
 */
export const ResolveUnmatchedPaymentRpc = rpcContract<
  ResolveUnmatchedPaymentRequest,
  PaymentNoticeView
>('credit', 'credit.payment.resolve-unmatched.v1', ResolveUnmatchedPaymentRequest);
