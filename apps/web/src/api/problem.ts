import { formatMoneyText } from '@glimmer/money/money-text';

/** An RFC 9457 problem as the gateway answers every error. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { field: string; messages: string[] }[];
  [extension: string]: unknown;
}

/** Thrown by the API client for every non-2xx answer (and for a network failure, status 0). */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiProblem';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
}

export function asProblem(error: unknown): Problem {
  if (error instanceof ApiProblem) return error.problem;
  return { status: 0, code: 'network_error', detail: String((error as Error)?.message ?? error) };
}

type Describe = (problem: Problem, currency?: string) => string;

const money = (problem: Problem, key: string, currency?: string): string | undefined => {
  const value = problem[key];
  const cur = (problem.currency as string | undefined) ?? currency;
  return typeof value === 'number' && cur ? formatMoneyText(value, cur) : undefined;
};

const megabytes = (value: unknown): string | undefined =>
  typeof value === 'number' ? `${Math.round((value / (1024 * 1024)) * 10) / 10} MB` : undefined;

/** What a person reads for each stable code; anything else falls back to the server's detail. */
const MESSAGES: Record<string, Describe> = {
  network_error: () =>
    'Glimmer could not be reached. Check your connection and try again — nothing is sent twice.',
  invalid_credentials: () => 'That email and password do not match an account.',
  unauthenticated: () => 'Your session has ended. Log in again to continue.',
  csrf_token_invalid: () => 'Your session could not be verified. Reload the page and try again.',
  token_expired: () => 'Your session has ended. Log in again to continue.',
  refresh_token_invalid: () => 'Your session has ended. Log in again to continue.',
  reauthentication_required: () => 'Enter your password to confirm this change.',
  reauthentication_failed: () => 'That password is not right. Nothing was changed.',
  forbidden: () => 'Your account is not allowed to do this.',
  not_found: () => 'It could not be found. It may have been removed, or belong to another account.',
  email_taken: () => 'That email already has a Glimmer account. Log in instead.',
  email_not_verified: () =>
    'Verify your email address first: open the link we emailed you (or resend it from the notice at the top of the page). ' +
    'Until then Glimmer sends no credit invoices or invites on your behalf, so nothing was created.',
  email_verification_token_invalid: () =>
    'This verification link is not valid. Log in and send yourself a new one.',
  email_verification_token_expired: () =>
    'This verification link has expired. Log in and send yourself a new one.',
  email_verification_token_used: () =>
    'This verification link has already been used. Log in to continue.',
  email_already_verified: () => 'Your email address is already verified.',
  pending_deposit_limit_reached: (p) =>
    `Your brand already has ${typeof p.limit === 'number' ? p.limit : 'the most'} unpaid credit invoices. ` +
    'Pay one or delete one before adding more credit. Nothing was added.',
  invite_daily_limit_reached: (p) =>
    `Your brand has sent ${typeof p.limit === 'number' ? p.limit : 'the most'} invite emails in the last 24 hours, the most it may. ` +
    'Try again later. Nothing was sent.',
  duplicate_cost_code: () =>
    'A cost code with that code already exists. Pick it from the list or use another code.',
  same_cost_code: () =>
    'Choose two different cost codes: the origin and the destination are the same.',
  insufficient_available_credit: (p, c) => {
    const available = money(p, 'available', c);
    return available
      ? `Not enough available credit: only ${available} is available on that cost code. Nothing was moved.`
      : 'Not enough available credit on that cost code. Nothing was moved.';
  },
  deposit_already_cleared: () =>
    'The funds for this credit invoice have already cleared, so it can no longer be deleted.',
  credit_invoice_already_paid: () =>
    'This credit invoice is already paid, so it can no longer be deleted.',
  funds_not_confirmed: () => 'The funds for this deposit have not been confirmed yet.',
  invoice_not_payable: () => 'This invoice is already paid or void.',
  cost_code_not_attached: () => 'That cost code is not attached to this project. Attach it first.',
  amount_exceeds_due: (p, c) => {
    const due = money(p, 'amountDue', c) ?? money(p, 'available', c);
    return due ? `That is more than the amount due (${due}).` : 'That is more than the amount due.';
  },
  invite_token_invalid: () =>
    'This invite link is not valid. Ask the brand to send you a new invite.',
  invite_expired: () => 'This invite has expired. Ask the brand to send you a new one.',
  invite_revoked: () =>
    'This invite was withdrawn by the brand. Ask them if you should have a new one.',
  invite_already_accepted: () => 'This invite has already been used. Log in to continue.',
  invite_not_pending: () => 'This invite is no longer pending.',
  offer_not_open: () => 'This offer is no longer open.',
  offer_expired: () => 'This offer has expired.',
  contract_changed: () =>
    'The contract changed while you were reading it, so nothing was signed. Read the new text below, then sign again.',
  payout_not_retryable: () => 'Only a payout that needs attention can be retried.',
  idempotency_request_in_progress: () =>
    'This request is still being processed. Wait a moment and try again.',
  idempotency_key_reused: () =>
    'This form was already sent with different details. Reload the page and start again.',
  rate_limited: () => 'Too many attempts. Wait a little and try again.',
  payload_too_large: () => 'That file is too large.',
  unsupported_media_type: () => 'That type of file is not accepted.',
  upload_quota_bytes_exceeded: (p) => {
    const max = megabytes(p.maxBytes);
    const used = megabytes(p.usedBytes);
    return max && used
      ? `This file does not fit in your ${max} of space for uploads (${used} used). Remove a sample to make room, or choose a smaller file.`
      : 'This file does not fit in your space for uploads. Remove a sample to make room.';
  },
  upload_quota_files_exceeded: (p) =>
    `You have uploaded ${typeof p.maxFiles === 'number' ? `${p.maxFiles} files, ` : ''}as many as you may. Remove a sample to make room.`,
  dependency_unavailable: () =>
    'Glimmer is briefly unavailable. Try again in a moment — retrying never moves money twice.',
  payment_already_resolved: () =>
    'Someone already recorded what was done with this payment, so nothing was changed. It is listed under Resolved.',
  dependency_timeout: () =>
    'Glimmer took too long to answer. Try again — if it had already happened, it will not happen twice.',
  internal: (p) =>
    `Something went wrong on our side.${p.errorId ? ` Quote error id ${String(p.errorId)} to support.` : ''}`,
};

/** One sentence for the page: the code's message, else the server's detail, else its title. */
export function problemMessage(problem: Problem, currency?: string): string {
  if (problem.code === 'validation_failed' && problem.errors?.length)
    return 'Some fields need attention.';
  const describe = problem.code ? MESSAGES[problem.code] : undefined;
  if (describe) return describe(problem, currency);
  return problem.detail || problem.title || `Unexpected answer (HTTP ${problem.status}).`;
}

/**
 * Field errors keyed by the form's field names: the server names fields by their path in the
 * request (`costCode.code`); `aliases` maps those to form fields where they differ.
 */
export function fieldErrors(
  problem: Problem,
  aliases: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { field, messages } of problem.errors ?? []) {
    const name = aliases[field] ?? field;
    out[name] = humanize(messages.join('; '));
  }
  return out;
}

function humanize(message: string): string {
  const text = message.trim();
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}
