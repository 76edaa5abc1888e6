import { z } from 'zod';
import { baseConfigSchema, ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults for a bare environment', () => {
    const cfg = loadConfig(baseConfigSchema, {});
    expect(cfg.GLIMMER_PREFIX).toBe('glimmer');
    expect(cfg.RPC_TIMEOUT_MS).toBe(5000);
  });

  it('names every bad key and hides secret values', () => {
    const schema = baseConfigSchema.extend({ JWT_SECRET: z.string().min(32) });
    let error: unknown;
    try {
      loadConfig(schema, {
        RPC_TIMEOUT_MS: 'soon',
        JWT_SECRET: 'short-secret',
        GLIMMER_PREFIX: 'Bad-Prefix',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('RPC_TIMEOUT_MS="soon"');
    expect(message).toContain('GLIMMER_PREFIX="Bad-Prefix"');
    expect(message).toContain('JWT_SECRET=(secret)');
    expect(message).not.toContain('short-secret');
  });
});
