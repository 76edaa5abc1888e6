import { ConfigError, loadConfig } from '@glimmer/config/config';
import { DEV_DEFAULTS, gatewayConfigSchema } from './gateway.config';

describe('gateway config', () => {
  it('runs on development defaults outside production', () => {
    const config = loadConfig(gatewayConfigSchema, {});
    expect(config.PORT).toBe(3000);
    expect(config.JWT_TTL_SECONDS).toBe(900);
    expect(config.JWT_SECRET).toBe(DEV_DEFAULTS.JWT_SECRET);
    expect(config.OPS_EMAIL).toBe('ops@glimmer.local');
    // The scheduler's development health port and default secret: `npm start` needs neither set.
    expect(config.SCHEDULER_QUEUE_BOARD_URL).toBe('http://127.0.0.1:3103');
    expect(config.QUEUE_BOARD_SECRET).toBe(DEV_DEFAULTS.QUEUE_BOARD_SECRET);
  });

  it('has rate limits and hashing bounds on by default, each overridable', () => {
    const config = loadConfig(gatewayConfigSchema, {});
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.RATE_LIMIT_LOGIN_PER_IP).toBe(30);
    expect(config.RATE_LIMIT_LOGIN_FAILURES).toBe(5);
    expect(config.RATE_LIMIT_WRITE_PER_TENANT).toBe(120);
    expect(config.PASSWORD_HASH_CONCURRENCY).toBe(2);
    expect(
      loadConfig(gatewayConfigSchema, { RATE_LIMIT_LOGIN_PER_IP: '7' }).RATE_LIMIT_LOGIN_PER_IP,
    ).toBe(7);
    expect(() => loadConfig(gatewayConfigSchema, { PASSWORD_HASH_CONCURRENCY: '0' })).toThrow(
      /PASSWORD_HASH_CONCURRENCY/,
    );
  });

  it('fails fast in production without real secrets, naming each', () => {
    const load = (env: Record<string, string>) => () =>
      loadConfig(gatewayConfigSchema, { NODE_ENV: 'production', ...env });
    expect(load({})).toThrow(ConfigError);
    expect(load({})).toThrow(/JWT_SECRET=\(secret\): is required in production/);
    expect(load({})).toThrow(/PAYMENTS_WEBHOOK_SECRET=\(secret\)/);
    expect(load({})).toThrow(/OPS_PASSWORD=\(secret\)/);
    expect(load({})).toThrow(/QUEUE_BOARD_SECRET=\(secret\): is required in production/);
    expect(load({ JWT_SECRET: DEV_DEFAULTS.JWT_SECRET })).toThrow(
      /JWT_SECRET=\(secret\): must not be the development default/,
    );
    const ok = loadConfig(gatewayConfigSchema, {
      NODE_ENV: 'production',
      RABBITMQ_URL: 'amqp://gateway:a-broker-password-of-its-own@mq:5672',
      JWT_SECRET: 'j'.repeat(32),
      PAYMENTS_WEBHOOK_SECRET: 'w'.repeat(32),
      OPS_PASSWORD: 'a strong ops password',
      QUEUE_BOARD_SECRET: 'q'.repeat(32),
    });
    expect(ok.JWT_SECRET).toBe('j'.repeat(32));
  });

  it('rejects a short secret', () => {
    expect(() => loadConfig(gatewayConfigSchema, { JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET=\(secret\): must be at least 32/,
    );
  });
});
