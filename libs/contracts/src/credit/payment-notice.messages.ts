import { IsISO8601, IsOptional, IsUUID, Matches } from 'class-validator';
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
}

export interface ReceivePaymentResult {
  notice: PaymentNoticeView;
  deposit: DepositView;
}

/** Ops: payments that arrived and cleared nothing (every outcome but `applied`), oldest first. */
export class ListUnmatchedPaymentsRequest extends IntersectionType(ActorRequest, PageQuery) {}

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
