import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ConfigError } from '@glimmer/config/config';
import { isPublishedSecret } from '@glimmer/config/production-guards';
import { assertServiceAccepts, ROOT, SERVICES } from './support/services';

/** Files that write secrets down: examples, harnesses, built-in defaults. */
const SOURCES = [
  'docker-compose.yml',
  '.env.example',
  'k8s',
  'scripts',
  'bench',
  'test/e2e/support',
  'libs/testing/src',
  'apps/gateway/src/gateway.config.ts',
];

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full).flatMap((name) => filesUnder(join(path, name)));
}

/** Every value written next to a secret's name (`KEY: 'v'`, `KEY=v`, `${KEY:-v}`) or in a URL. */
function publishedValues(): { file: string; value: string }[] {
  const key =
    '(?:JWT_SECRET|WEBHOOK_SECRET|OPS_PASSWORD|QUEUE_BOARD_SECRET|PAYOUT_ENCRYPTION_KEY|POSTGRES_PASSWORD|RABBITMQ_PASSWORD|RABBITMQ_DEFAULT_PASS)[\'"]?\\s*';
  // `KEY: 'literal'`, `KEY=value` (env files, kustomize literals), `KEY: ${KEY:-fallback}`.
  const byKey = new RegExp(
    `${key}(?::\\s*['"]([^'"\\n]{6,})['"]|=\\s*['"]?([\\w+/=.-]{6,})|:\\s*\\$\\{\\w+:-([^}]+)\\})`,
    'g',
  );
  const inUrl = /\w+:\/\/[\w.-]+:([^@\s$'"`/]+)@/g;
  const found: { file: string; value: string }[] = [];
  for (const file of SOURCES.flatMap(filesUnder)) {
    const text = readFileSync(file, 'utf8');
    for (const re of [byKey, inUrl]) {
      for (const m of text.matchAll(re))
        found.push({ file: relative(ROOT, file), value: m[1] ?? m[2] ?? m[3] });
    }
  }
  return found;
}

const strongSecret = () => randomBytes(32).toString('hex');
const productionEnv = (): Record<string, string> => ({
  NODE_ENV: 'production',
  DATABASE_URL: `postgres://glimmer:${strongSecret()}@db:5432/glimmer`,
  RABBITMQ_URL: `amqp://glimmer:${strongSecret()}@mq:5672`,
  REDIS_URL: 'redis://redis:6379',
  SMTP_URL: 'smtp://smtp:587',
  JWT_SECRET: strongSecret(),
  PAYMENTS_WEBHOOK_SECRET: strongSecret(),
  OPS_PASSWORD: strongSecret(),
  PAYOUT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  INVITE_TOKEN_SECRET: strongSecret(),
  QUEUE_BOARD_SECRET: strongSecret(),
});

async function refusal(service: string, env: Record<string, string>): Promise<string> {
  try {
    await assertServiceAccepts(service, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  return '(accepted)';
}

describe('production guards', () => {
  const values = publishedValues();

  it('finds the secrets the repository publishes (the scan is not vacuous)', () => {
    const files = new Set(values.map((v) => v.file));
    for (const file of ['.env.example', 'k8s/overlays/dev/kustomization.yaml', 'bench/system.mjs'])
      expect(files).toContain(file);
    expect(values.length).toBeGreaterThan(15);
  });

  it('knows every secret published in the repository', () => {
    const unknown = values.filter((v) => !isPublishedSecret(v.value));
    expect(unknown).toEqual([]);
  });

  it.each([
    ['gateway', 'JWT_SECRET'],
    ['gateway', 'PAYMENTS_WEBHOOK_SECRET'],
    ['gateway', 'OPS_PASSWORD'],
    ['gateway', 'QUEUE_BOARD_SECRET'],
    ['scheduler', 'QUEUE_BOARD_SECRET'],
  ])(
    'the %s refuses every published value as %s in production, naming the key',
    async (service, key) => {
      for (const { value } of values.filter(
        (v) => v.value.length >= 32 || key === 'OPS_PASSWORD',
      )) {
        const message = await refusal(service, { ...productionEnv(), [key]: value });
        expect({ value, message }).toEqual({
          value,
          message: expect.stringContaining(`${key}=(secret): is published`),
        });
        expect(message).not.toContain(value);
      }
    },
  );

  it('payout refuses the published encryption keys in production', async () => {
    const keys = values.filter((v) => Buffer.from(v.value, 'base64').length === 32);
    expect(keys.length).toBeGreaterThan(0);
    for (const { value } of keys) {
      const message = await refusal('payout', { ...productionEnv(), PAYOUT_ENCRYPTION_KEY: value });
      expect(message).toMatch(/PAYOUT_ENCRYPTION_KEY=\(secret\): (is published|must not be)/);
    }
  });

  it.each(SERVICES)(
    '%s refuses published broker and database passwords in production',
    async (s) => {
      for (const url of [
        'amqp://guest:guest@mq:5672',
        'amqp://glimmer:demo-only-rabbitmq-password@mq',
      ]) {
        const message = await refusal(s, { ...productionEnv(), RABBITMQ_URL: url });
        expect(message).toContain("RABBITMQ_URL=(secret): the URL's password is published");
      }
      const db = 'postgres://postgres:postgres@db:5432/glimmer';
      expect(await refusal(s, { ...productionEnv(), DATABASE_URL: db })).toContain(
        'DATABASE_URL=(secret)',
      );
    },
  );

  it('refuses the sandbox and development switches in production, and only there', async () => {
    const prod = productionEnv();
    expect(
      await refusal('scheduler', { ...prod, CREDIT_SANDBOX_CLEAR_AFTER_MS: '15000' }),
    ).toContain('CREDIT_SANDBOX_CLEAR_AFTER_MS="15000": the sandbox payment provider');
    expect(await refusal('scheduler', { ...prod, SMTP_URL: '' })).toContain(
      'SMTP_URL=(secret): is required in production',
    );
    for (const service of ['gateway', 'scheduler']) {
      const { QUEUE_BOARD_SECRET: _unset, ...withoutBoardSecret } = prod;
      expect(await refusal(service, withoutBoardSecret)).toContain(
        'QUEUE_BOARD_SECRET=(secret): is required in production',
      );
    }
    expect(await refusal('gateway', { ...prod, COOKIE_SECURE: 'never' })).toContain(
      'COOKIE_SECURE="never"',
    );
    const payout = await refusal('payout', { ...prod, PAYOUT_SANDBOX_FAIL_RATE: '0.5' });
    expect(payout).toContain('PAYOUT_SANDBOX_FAIL_RATE="0.5"');
    // The sandbox payout provider (the only adapter so far) pays nobody: production refuses it.
    expect(payout).toContain('PAYOUT_PROVIDER=undefined: the sandbox payout provider pays nobody');
    // The same settings are fine outside production (a demo, tests).
    const dev = { ...prod, NODE_ENV: 'development', CREDIT_SANDBOX_CLEAR_AFTER_MS: '15000' };
    await assertServiceAccepts('scheduler', dev);
    await assertServiceAccepts('payout', { ...dev, PAYOUT_SANDBOX_FAIL_RATE: '0.5' });
  });

  it.each(SERVICES.filter((s) => s !== 'payout'))(
    '%s starts in production with secrets of its own',
    async (service) => {
      await assertServiceAccepts(service, productionEnv());
    },
  );
});
