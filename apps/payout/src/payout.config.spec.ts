import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '@glimmer/config/config';
import { DEV_PAYOUT_ENCRYPTION_KEY, payoutConfigSchema } from './payout.config';

const load = (env: Record<string, string>) => loadConfig(payoutConfigSchema, env);

describe('payout config', () => {
  it('runs on defaults outside production', () => {
    const config = load({});
    expect(config).toMatchObject({
      PAYOUT_MAX_DAYS: 14,
      PAYOUT_DISPATCH_DELAY_MS: 3 * 86_400_000,
      PAYOUT_MAX_ATTEMPTS: 5,
      PAYOUT_RETRY_BASE_MS: 900_000,
      PAYOUT_SANDBOX_FAIL_RATE: 0,
      PAYOUT_SANDBOX_LATENCY_MS: 200,
      PAYOUT_ENCRYPTION_KEY: DEV_PAYOUT_ENCRYPTION_KEY,
      PAYOUT_ENCRYPTION_PREVIOUS_KEYS: [],
    });
  });

  it('requires a real encryption key in production, and never shows it', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(
      /PAYOUT_ENCRYPTION_KEY=\(secret\): is required in production/,
    );
    expect(() =>
      load({ NODE_ENV: 'production', PAYOUT_ENCRYPTION_KEY: DEV_PAYOUT_ENCRYPTION_KEY }),
    ).toThrow(/must not be the development default/);
    const key = randomBytes(32).toString('base64');
    // A key of its own passes; the sandbox provider (the only adapter) is still refused there.
    const production = () => load({ NODE_ENV: 'production', PAYOUT_ENCRYPTION_KEY: key });
    expect(production).not.toThrow(/PAYOUT_ENCRYPTION_KEY/);
    expect(production).toThrow(/PAYOUT_PROVIDER=undefined: the sandbox payout provider/);
    expect(load({ PAYOUT_ENCRYPTION_KEY: key }).PAYOUT_ENCRYPTION_KEY).toBe(key);
    const short = randomBytes(16).toString('base64');
    expect(() => load({ PAYOUT_ENCRYPTION_KEY: short })).toThrow(ConfigError);
    expect(() => load({ PAYOUT_ENCRYPTION_KEY: short })).not.toThrow(new RegExp(short.slice(0, 8)));
  });

  it('refuses a dispatch delay or retry window that breaks the promise', () => {
    expect(() =>
      load({ PAYOUT_MAX_DAYS: '2', PAYOUT_DISPATCH_DELAY_MS: String(3 * 86_400_000) }),
    ).toThrow(/PAYOUT_DISPATCH_DELAY_MS=.*must not exceed PAYOUT_MAX_DAYS/);
    expect(() =>
      load({ PAYOUT_MAX_ATTEMPTS: '20', PAYOUT_RETRY_BASE_MS: String(3_600_000) }),
    ).toThrow(/PAYOUT_RETRY_BASE_MS=.*must fit in PAYOUT_MAX_DAYS/);
  });

  it('wants the stuck threshold longer than the provider timeout', () => {
    expect(() =>
      load({ PAYOUT_PROCESSING_STUCK_MS: '5000', PAYOUT_PROVIDER_TIMEOUT_MS: '10000' }),
    ).toThrow(/PAYOUT_PROCESSING_STUCK_MS/);
  });
});
