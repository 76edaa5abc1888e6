import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SERVICES, type ServiceName } from '@glimmer/contracts/contract';
import { eventually } from '@glimmer/testing/eventually';
import { SmtpCapture } from '@glimmer/testing/smtp-capture';
import { createTestEnv, TestEnv } from '@glimmer/testing/test-env';

const ROOT = join(__dirname, '..', '..', '..');
export { SERVICES } from '@glimmer/contracts/contract';
export type Service = ServiceName;

export const OPS = { email: 'ops@e2e.glimmer.test', password: 'ops-password-for-e2e' };
export const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789abcdef';
/** The gateway sends it with the queue board requests it proxies; the scheduler requires it. */
export const QUEUE_BOARD_SECRET = 'e2e-queue-board-secret-0123456789abcdef';

/** Running systems by their gateway's address, so helpers given only an Api find its mailbox. */
const RUNNING = new Map<string, GlimmerSystem>();

/** The system whose gateway answers at `baseUrl` (e.g. `anon.baseUrl`). */
export function systemAt(baseUrl: string): GlimmerSystem {
  const system = RUNNING.get(new URL(baseUrl).origin);
  if (!system) throw new Error(`no GlimmerSystem is running at ${baseUrl}`);
  return system;
}

/** Ports handed out by this process, so two systems of one test file never share one. */
const HANDED_OUT = new Set<number>();

/**
 * A port nothing listens on, for a service to bind a moment later. It is drawn below the
 * kernel's ephemeral range (32768 and up here): a port the kernel picked for `listen(0)` is one
 * it may also give the next outgoing connection of any process (a pool's new socket to
 * PostgreSQL, say) before the service binds it, and the service then dies with EADDRINUSE.
 * It is probed on 0.0.0.0, the address the services bind.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (HANDED_OUT.has(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '0.0.0.0', () => server.close(() => resolve(true)));
    });
    if (!free) continue;
    HANDED_OUT.add(port);
    return port;
  }
}

/** The last lines of a log file, for an error that would otherwise only name it. */
function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * The whole of Glimmer for one e2e file: every service built and started as its own process
 * (as in production) against a private database, broker prefix and Redis prefix, with a real
 * SMTP receiver. Services can be killed and restarted to test crash safety.
 */
/** A process that ended by a signal has exitCode null and signalCode set. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export class GlimmerSystem {
  readonly smtp = new SmtpCapture();
  private readonly processes = new Map<Service, ChildProcess>();
  env: TestEnv;
  baseUrl: string;
  private vars: Record<string, string>;
  private logDir: string;
  /** Each back-end service's health and metrics port (the gateway serves them on PORT). */
  private readonly healthPorts = new Map<Service, number>();

  constructor(
    private readonly label: string,
    private readonly overrides: Record<string, string> = {},
  ) {}

  /** `readyTimeoutMs`: how long the services may take to come up (longer on a loaded machine). */
  async start(readyTimeoutMs = 30_000): Promise<this> {
    this.env = await createTestEnv(this.label);
    await this.smtp.start();
    const port = await freePort();
    this.baseUrl = `http://127.0.0.1:${port}`;
    RUNNING.set(this.baseUrl, this);
    this.vars = {
      ...this.env.env,
      PORT: String(port),
      HEALTH_PORT: '0',
      JWT_SECRET: 'e2e-jwt-secret-0123456789abcdef0123456789',
      PAYMENTS_WEBHOOK_SECRET: WEBHOOK_SECRET,
      OPS_EMAIL: OPS.email,
      OPS_PASSWORD: OPS.password,
      QUEUE_BOARD_SECRET,
      SMTP_URL: this.smtp.url,
      MAIL_FROM: 'Glimmer <no-reply@e2e.glimmer.test>',
      OUTBOX_POLL_MS: '200',
      // Several systems and integration suites share one PostgreSQL (max_connections 100).
      DB_POOL_MAX: '4',
      CREDIT_SWEEP_EVERY_MS: '2000',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'info',
      // Links in emails open this system's web app (its port is only known here).
      INVITE_ACCEPT_URL: `${this.baseUrl}/invites/accept`,
      APP_URL: this.baseUrl,
      ...this.overrides,
    };
    this.logDir = join(ROOT, 'var', 'e2e-logs', this.env.prefix);
    mkdirSync(this.logDir, { recursive: true });
    for (const service of SERVICES) this.migrate(service);
    // Every port first: the gateway proxies the queue board to the scheduler's health port.
    for (const service of SERVICES) this.healthPorts.set(service, await freePort());
    await Promise.all(SERVICES.map((s) => this.startService(s)));
    await this.waitReady(readyTimeoutMs);
    return this;
  }

  private migrate(service: Service): void {
    const result = spawnSync(process.execPath, [this.entry(service), 'migrate'], {
      env: { ...process.env, ...this.vars },
      encoding: 'utf8',
    });
    if (result.status !== 0)
      throw new Error(`${service} migrate failed:\n${result.stderr}\n${result.stdout}`);
  }

  /** Runs an ops command (`node main.js <command> …`) of `service` with this system's environment. */
  cli(service: Service, ...args: string[]): { status: number | null; output: any; stderr: string } {
    const result = spawnSync(process.execPath, [this.entry(service), ...args], {
      env: { ...process.env, ...this.vars },
      encoding: 'utf8',
      timeout: 60_000,
    });
    let output: unknown = result.stdout;
    try {
      output = JSON.parse(result.stdout);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: result.status, output, stderr: result.stderr };
  }

  private entry(service: Service): string {
    return join(ROOT, 'dist', 'apps', service, 'src', 'main.js');
  }

  /** Starts one service; `extraEnv` lets a test inject a fault into one run of it. */
  async startService(service: Service, extraEnv: Record<string, string> = {}): Promise<void> {
    if (!this.healthPorts.has(service)) this.healthPorts.set(service, await freePort());
    const log = createWriteStream(join(this.logDir, `${service}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [this.entry(service), 'serve'], {
      env: {
        ...process.env,
        ...this.vars,
        HEALTH_PORT: String(this.healthPorts.get(service)),
        ...(service === 'gateway'
          ? { SCHEDULER_QUEUE_BOARD_URL: this.healthUrl('scheduler') }
          : {}),
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.processes.set(service, child);
  }

  /** Where a service answers /health/* and /metrics (the gateway: its API port). */
  healthUrl(service: Service): string {
    if (service === 'gateway') return this.baseUrl;
    return `http://127.0.0.1:${this.healthPorts.get(service)}`;
  }

  logFile(service: Service): string {
    return join(this.logDir, `${service}.log`);
  }

  async waitReady(timeoutMs = 30_000): Promise<void> {
    await eventually(
      async () => {
        for (const [service, child] of this.processes) {
          if (hasExited(child))
            throw new Error(
              `${service} exited with ${child.exitCode}; see ${this.logFile(service)}, which ends:\n` +
                tail(this.logFile(service)),
            );
        }
        const res = await fetch(`${this.baseUrl}/health/ready`);
        if (res.status !== 200) throw new Error(`gateway not ready: ${res.status}`);
      },
      { timeoutMs, intervalMs: 100 },
    );
    // The gateway answers first; give the back-end consumers a moment to attach to their queues.
    await new Promise((r) => setTimeout(r, 500));
  }

  /** Waits until `service` answers /health/ready (connected to its database and broker). */
  async waitServiceReady(service: Service, timeoutMs = 60_000): Promise<void> {
    await eventually(
      async () => {
        const res = await fetch(`${this.healthUrl(service)}/health/ready`);
        if (res.status !== 200) throw new Error(`${service} not ready: ${res.status}`);
      },
      { timeoutMs, intervalMs: 200 },
    );
  }

  /** SIGKILL: the process dies between two steps, as in a crash. */
  async kill(service: Service): Promise<void> {
    const child = this.processes.get(service);
    if (!child || hasExited(child)) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGSTOP / SIGCONT: the process freezes (slow past every deadline) and thaws, state intact. */
  freeze(service: Service, frozen: boolean): void {
    const child = this.processes.get(service);
    if (!child || hasExited(child)) throw new Error(`${service} is not running`);
    child.kill(frozen ? 'SIGSTOP' : 'SIGCONT');
  }

  /** Sends `signal`; a process still running after `killAfterMs` gets SIGKILL. */
  async stopService(
    service: Service,
    signal: NodeJS.Signals = 'SIGTERM',
    killAfterMs = 20_000,
  ): Promise<number | null> {
    const child = this.processes.get(service);
    if (!child || hasExited(child)) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill(signal);
    const force = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    try {
      return await exited;
    } finally {
      clearTimeout(force);
    }
  }

  exited(service: Service): Promise<number | null> {
    const child = this.processes.get(service)!;
    if (hasExited(child)) return Promise.resolve(child.exitCode);
    return new Promise((r) => child.once('exit', (code) => r(code)));
  }

  async stop(): Promise<void> {
    RUNNING.delete(this.baseUrl);
    await Promise.all(SERVICES.map((s) => this.stopService(s).catch(() => undefined)));
    await this.smtp.stop();
    await this.env?.destroy();
  }
}
