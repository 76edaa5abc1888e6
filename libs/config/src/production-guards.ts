import type { RefinementCtx } from 'zod';

/**
 * Secret values written down somewhere in this repository — built-in development defaults,
 * the Compose and Kubernetes examples, `.env.example`, the test and benchmark harnesses. Anyone
 * can read them, so production refuses every one of them (`production-guards.spec.ts` scans
 * those files and fails when one is missing here).
 */
export const PUBLISHED_SECRETS: ReadonlySet<string> = new Set([
  // apps/gateway/src/gateway.config.ts (development defaults)
  'glimmer-development-jwt-secret-not-for-production',
  'glimmer-development-webhook-secret-not-for-production',
  'glimmer-ops-dev-password',
  // apps/creator-network/src/creator-network.config.ts (development default)
  'glimmer-development-invite-secret-not-for-production',
  // libs/contracts/src/scheduler/queue-board.ts (development default of the gateway and scheduler)
  'glimmer-development-queue-board-secret-not-for-production',
  // apps/payout/src/payout.config.ts (sha256 of its development label, base64)
  'fvjO8QoWcAYLlIna4gzr2+v8T0Hdtj52tDd80FKwCCk=',
  // .env.example (the Compose demo)
  'ZGVtby1vbmx5LXBheW91dC1rZXktMDEyMzQ1Njc4OWE=',
  // docker-compose.yml before issue #11, and k8s/overlays/dev
  'ZGV2LXBsYWNlaG9sZGVyLXBheW91dC1rZXktMzJieXQ=',
  'dev-only-jwt-secret-change-me-0123456789abcdef',
  'dev-only-webhook-secret-change-me-0123456789',
  'dev-only-ops-password',
  'dev-placeholder-jwt-secret-change-me-0123456789',
  'dev-placeholder-webhook-secret-change-me-0123',
  'dev-placeholder-ops-password',
  'dev-placeholder-invite-token-secret-change-me-0123',
  'demo-only-invite-token-secret-0123456789abcdef',
  'dev-placeholder-queue-board-secret-change-me-0123',
  'demo-only-queue-board-secret-0123456789abcdef',
  // scripts/start.mjs, test/e2e/support/system.ts, bench/system.mjs
  'ops-password-change-me',
  'e2e-jwt-secret-0123456789abcdef0123456789',
  'e2e-webhook-secret-0123456789abcdef',
  'ops-password-for-e2e',
  'bench-jwt-secret-0123456789abcdef0123456789',
  'bench-webhook-secret-0123456789abcdef',
  'bench-ops-password',
  'e2e-queue-board-secret-0123456789abcdef',
  'bench-queue-board-secret-0123456789abcdef',
  // passwords in the example connection URLs (and the infrastructure images' defaults)
  'guest',
  'postgres',
  'password',
]);

/**
 * Words the repository's example values carry so nobody mistakes them for real ones; a value
 * containing one is refused in production too (a copied example with a changed suffix).
 */
const EXAMPLE_MARKERS = /change-?me|placeholder|not-for-production|dev-only|demo-only/i;

/** Settings whose value is a secret (checked whole). */
const SECRET_VALUES = [
  'JWT_SECRET',
  'PAYMENTS_WEBHOOK_SECRET',
  'OPS_PASSWORD',
  'PAYOUT_ENCRYPTION_KEY',
  'INVITE_TOKEN_SECRET',
  'QUEUE_BOARD_SECRET',
] as const;

/** Connection URLs whose password is a secret. */
const SECRET_URLS = ['DATABASE_URL', 'RABBITMQ_URL', 'REDIS_URL', 'SMTP_URL'] as const;

/**
 * Development and sandbox switches, with the only values production accepts. A sandbox in
 * production moves no real money while the system says it did: deposits "paid" with no funds,
 * payouts "sent" to nobody.
 */
const SANDBOX_SWITCHES: readonly {
  key: string;
  allowed: (value: unknown) => boolean;
  why: string;
}[] = [
  {
    key: 'CREDIT_SANDBOX_CLEAR_AFTER_MS',
    allowed: (v) => v === 0,
    why: 'the sandbox payment provider confirms funds nobody paid; must be 0 in production',
  },
  {
    key: 'PAYOUT_PROVIDER',
    allowed: (v) => v !== 'sandbox',
    why: 'the sandbox payout provider pays nobody; production needs a real provider adapter',
  },
  {
    key: 'PAYOUT_SANDBOX_FAIL_RATE',
    allowed: (v) => v === 0,
    why: 'a sandbox failure rate; must be 0 in production',
  },
  {
    key: 'COOKIE_SECURE',
    allowed: (v) => v !== 'never',
    why: 'session cookies would travel over plain HTTP; use auto or always in production',
  },
];

export function isPublishedSecret(value: string): boolean {
  return PUBLISHED_SECRETS.has(value) || EXAMPLE_MARKERS.test(value);
}

function urlPassword(value: string): string | undefined {
  try {
    const password = decodeURIComponent(new URL(value).password);
    return password || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The production guard every service's config runs (`.superRefine(refuseUnsafeInProduction)`):
 * with NODE_ENV=production it refuses any secret published in this repository (whole, or as a
 * connection URL's password) and any sandbox or development switch, naming each key, so the
 * process exits at start instead of running a "production" anyone can forge requests to.
 */
export function refuseUnsafeInProduction(config: Record<string, unknown>, ctx: RefinementCtx) {
  if (config.NODE_ENV !== 'production') return;
  const refuse = (key: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [key], message });
  for (const key of SECRET_VALUES) {
    const value = config[key];
    if (typeof value === 'string' && isPublishedSecret(value))
      refuse(key, 'is published in the Glimmer repository; set a secret of your own in production');
  }
  for (const key of ['PAYOUT_ENCRYPTION_PREVIOUS_KEYS']) {
    const values = config[key];
    if (Array.isArray(values) && values.some((v) => typeof v === 'string' && isPublishedSecret(v)))
      refuse(key, 'holds a key published in the Glimmer repository');
  }
  for (const key of SECRET_URLS) {
    const value = config[key];
    const password = typeof value === 'string' ? urlPassword(value) : undefined;
    if (password && isPublishedSecret(password))
      refuse(key, "the URL's password is published (an example or image default); set your own");
  }
  for (const { key, allowed, why } of SANDBOX_SWITCHES) {
    if (key in config && config[key] !== undefined && !allowed(config[key])) refuse(key, why);
  }
}
