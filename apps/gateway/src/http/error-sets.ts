import type { ErrorCode } from '@glimmer/errors/error-codes';

/**
 * The errors the gateway's own machinery answers, for `@ApiErrors(...)` on each route; a route
 * adds the codes of the service it calls. Kept beside the code that raises them:
 * JwtAuthGuard and RolesGuard, the body parsers, IdempotencyInterceptor, RpcClient.
 */

/**
 * A signed-in GET limited to some roles: no credential or an ended session (401
 * `unauthenticated`), an expired access token (401 `token_expired`: refresh), another role (403).
 */
export const SIGNED_IN: readonly ErrorCode[] = ['unauthenticated', 'token_expired', 'forbidden'];

/** A signed-in request that changes state: a session cookie must bring its CSRF token (403). */
export const SIGNED_IN_CHANGE: readonly ErrorCode[] = [...SIGNED_IN, 'csrf_token_invalid'];

/** A JSON body: invalid (400), not JSON (400), over 1 MB (413), another media type (415). */
export const JSON_BODY: readonly ErrorCode[] = [
  'validation_failed',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
];

/**
 * A multipart upload: a missing or empty file (400), too large (413), a type not accepted (415),
 * over the creator's quota of bytes (413) or of files (409).
 */
export const FILE_UPLOAD: readonly ErrorCode[] = [
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'upload_quota_bytes_exceeded',
  'upload_quota_files_exceeded',
];

/**
 * `@Idempotent({ required: false })`: a malformed key (400), the first request with the key
 * still running (409), the key used with another request (422), its record store down (503).
 */
export const IDEMPOTENT: readonly ErrorCode[] = [
  'validation_failed',
  'idempotency_request_in_progress',
  'idempotency_key_reused',
  'dependency_unavailable',
];

/** `@Idempotent()`: as IDEMPOTENT, and the key is required (400). */
export const IDEMPOTENCY_REQUIRED: readonly ErrorCode[] = [
  ...IDEMPOTENT,
  'idempotency_key_required',
];

/** A route answered by another service over the broker (or by the database): 503 and 504. */
export const VIA_SERVICE: readonly ErrorCode[] = ['dependency_unavailable', 'dependency_timeout'];

/** `@RateLimit(...)`: too many requests from this client or tenant (429, with Retry-After). */
export const RATE_LIMITED: readonly ErrorCode[] = ['rate_limited'];

/**
 * `@RequiresPassword()`: no `password` (403 `reauthentication_required`), a wrong one (403
 * `reauthentication_failed`), too many attempts (429), hashing busy (503).
 */
export const PASSWORD_CONFIRMED: readonly ErrorCode[] = [
  'reauthentication_required',
  'reauthentication_failed',
  'rate_limited',
  'dependency_unavailable',
];
