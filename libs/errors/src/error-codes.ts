/**
 * Every error Glimmer reports, with the HTTP status it maps to. The code is the stable part of
 * the problem `type` URI and travels unchanged across the broker, so clients and services can
 * branch on it. Never rename a code: add a new one.
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, title: 'The request is not valid' },
  malformed_json: { status: 400, title: 'The request body is not valid JSON' },
  idempotency_key_required: { status: 400, title: 'An Idempotency-Key header is required' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  invalid_credentials: { status: 401, title: 'Email or password is wrong' },
  invalid_signature: { status: 401, title: 'The webhook signature is not valid' },
  signature_expired: {
    status: 401,
    title: "The webhook signature's timestamp is outside the tolerance window",
  },
  forbidden: { status: 403, title: 'Your role may not do this' },
  csrf_token_invalid: {
    status: 403,
    title: "The request did not carry this session's CSRF token",
  },
  email_not_verified: {
    status: 403,
    title: 'Verify your email address before Glimmer emails anyone on your behalf',
  },
  token_expired: { status: 401, title: 'The access token has expired: refresh the session' },
  refresh_token_invalid: {
    status: 401,
    title: 'The refresh token is not valid, was already used, or its session ended',
  },
  reauthentication_required: {
    status: 403,
    title: "Confirm the account's current password to do this",
  },
  reauthentication_failed: { status: 403, title: 'The password is wrong' },
  not_found: { status: 404, title: 'Not found' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  upload_quota_bytes_exceeded: {
    status: 413,
    title: "The upload would go over the creator's storage quota",
  },
  upload_quota_files_exceeded: {
    status: 409,
    title: 'The creator already has as many files as the quota allows',
  },
  email_taken: { status: 409, title: 'That email already has an account' },
  duplicate_cost_code: { status: 409, title: 'A cost code with that code already exists' },
  same_cost_code: { status: 409, title: 'Origin and destination cost codes are the same' },
  insufficient_available_credit: { status: 409, title: 'Not enough available credit' },
  currency_mismatch: { status: 409, title: 'Currencies do not match' },
  deposit_already_cleared: { status: 409, title: 'The deposit has already cleared' },
  credit_invoice_already_paid: { status: 409, title: 'The credit invoice is already paid' },
  deposit_voided: { status: 409, title: 'The deposit was voided' },
  payment_mismatch: {
    status: 409,
    title: "The payment's amount or currency is not the credit invoice's",
  },
  payment_already_resolved: {
    status: 409,
    title: 'Someone already recorded what was done with this payment',
  },
  funds_not_confirmed: { status: 409, title: 'The funds have not been confirmed yet' },
  invoice_not_payable: { status: 409, title: 'The invoice is already paid or void' },
  cost_code_not_attached: {
    status: 409,
    title: 'The cost code is not attached to the invoice',
  },
  amount_exceeds_due: { status: 409, title: 'The amount is more than the amount due' },
  email_verification_token_invalid: {
    status: 400,
    title: 'The email verification link is not valid',
  },
  email_verification_token_expired: {
    status: 410,
    title: 'The email verification link has expired',
  },
  email_verification_token_used: {
    status: 409,
    title: 'The email verification link has already been used',
  },
  email_already_verified: { status: 409, title: 'The email address is already verified' },
  pending_deposit_limit_reached: {
    status: 409,
    title: 'Too many unpaid credit invoices; pay or delete one first',
  },
  invite_daily_limit_reached: {
    status: 429,
    title: 'The brand has sent as many invites as it may today',
  },
  invite_token_invalid: { status: 400, title: 'The invite token is not valid' },
  invite_expired: { status: 410, title: 'The invite has expired' },
  invite_revoked: { status: 410, title: 'The invite was revoked' },
  invite_already_accepted: { status: 409, title: 'The invite has already been accepted' },
  invite_not_pending: { status: 409, title: 'The invite is no longer pending' },
  offer_not_open: { status: 409, title: 'The offer is no longer open' },
  offer_expired: { status: 409, title: 'The offer has expired' },
  contract_changed: {
    status: 409,
    title: 'The contract text changed since it was read; read it again before signing',
  },
  payout_not_retryable: { status: 409, title: 'Only a payout that needs attention can be retried' },
  idempotency_request_in_progress: {
    status: 409,
    title: 'A request with this Idempotency-Key is still in progress',
  },
  idempotency_key_reused: {
    status: 422,
    title: 'This Idempotency-Key was used with a different request',
  },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  dependency_unavailable: { status: 503, title: 'A service Glimmer depends on is unavailable' },
  dependency_timeout: { status: 504, title: 'A service Glimmer depends on did not answer in time' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const PROBLEM_TYPE_BASE = 'https://glimmer.dev/problems/';

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}
