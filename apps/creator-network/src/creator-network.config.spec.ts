import { ConfigError, loadConfig } from '@glimmer/config/config';
import { DEV_INVITE_TOKEN_SECRET, networkConfigSchema } from './creator-network.config';

const load = (env: Record<string, string>) => loadConfig(networkConfigSchema, env);

describe('creator-network config', () => {
  it('derives invite tokens with a development secret outside production', () => {
    expect(load({}).INVITE_TOKEN_SECRET).toBe(DEV_INVITE_TOKEN_SECRET);
  });

  it('requires a real invite token secret in production, and never shows it', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://glimmer:a-real-database-password-0123@db:5432/glimmer',
      RABBITMQ_URL: 'amqp://glimmer:a-real-broker-password-0123@mq:5672',
    };
    expect(() => load(production)).toThrow(
      /INVITE_TOKEN_SECRET=\(secret\): is required in production/,
    );
    expect(() => load({ ...production, INVITE_TOKEN_SECRET: DEV_INVITE_TOKEN_SECRET })).toThrow(
      /INVITE_TOKEN_SECRET=\(secret\): is published/,
    );
    const secret = 'a-production-invite-secret-0123456789abcdef';
    expect(load({ ...production, INVITE_TOKEN_SECRET: secret }).INVITE_TOKEN_SECRET).toBe(secret);
    expect(() => load({ INVITE_TOKEN_SECRET: 'short-secret' })).toThrow(ConfigError);
    expect(() => load({ INVITE_TOKEN_SECRET: 'short-secret' })).not.toThrow(/short-secret/);
  });
});
