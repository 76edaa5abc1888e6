#!/usr/bin/env node
// `npm start`: the whole system from a fresh clone. Installs what is missing, makes sure
// PostgreSQL, RabbitMQ and Redis are up, builds, runs every service's migrate step once
// (database schema, broker topology, job schedules), starts every service, and seeds a demo
// brand through the public API. Ctrl-C stops everything gracefully.
import { spawn, spawnSync } from 'node:child_process';
import {
  build,
  ensureDependencies,
  ensureInfrastructure,
  root,
  SERVICES,
  serviceEntry,
} from './lib.mjs';

const env = {
  NODE_ENV: 'development',
  PORT: '3000',
  // The sandbox payment provider confirms a deposit's funds after 15 s, so the demo shows the flow.
  CREDIT_SANDBOX_CLEAR_AFTER_MS: '15000',
  OPS_EMAIL: 'ops@glimmer.local',
  OPS_PASSWORD: 'ops-password-change-me',
  ...process.env,
};
const healthPorts = { credit: 3101, invoicing: 3102, scheduler: 3103 };
const colors = { gateway: 36, credit: 32, invoicing: 35, scheduler: 33 };

ensureDependencies();
ensureInfrastructure();
build();

for (const service of SERVICES) {
  console.log(`▸ migrating ${service}`);
  const result = spawnSync(process.execPath, [serviceEntry(service), 'migrate'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const children = new Map();
let stopping = false;

function startService(service) {
  const child = spawn(process.execPath, [serviceEntry(service), 'serve'], {
    cwd: root,
    env: { ...env, HEALTH_PORT: String(healthPorts[service] ?? 0) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tag = `\x1b[${colors[service]}m${service.padEnd(9)}\x1b[0m│ `;
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) process.stdout.write(tag + line + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(service);
    if (!stopping) {
      console.error(`${service} exited (${signal ?? code}); stopping the system`);
      stop(1);
    }
  });
  children.set(service, child);
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('▸ stopping (SIGTERM: in-flight work finishes first)');
  for (const child of children.values()) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 20_000);
  const wait = setInterval(() => {
    if (children.size === 0) {
      clearInterval(wait);
      clearTimeout(force);
      process.exit(code);
    }
  }, 100);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

for (const service of SERVICES) startService(service);

const base = `http://127.0.0.1:${env.PORT}`;
async function waitForGateway() {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the gateway did not become ready within 60 s');
}

async function seed() {
  const demo = { email: 'demo-admin@glimmer.local', password: 'demo-password' };
  const res = await fetch(`${base}/v1/brands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'seed-demo-brand' },
    body: JSON.stringify({
      name: 'Demo Brand',
      currency: 'USD',
      financeEmail: 'finance@demo-brand.local',
      admin: { name: 'Demo Admin', ...demo },
    }),
  });
  if (res.status !== 201 && res.status !== 409) {
    console.error(`seeding the demo brand failed: ${res.status} ${await res.text()}`);
  }
  console.log(`
  Glimmer is running: ${base}  (API docs: ${base}/docs)
  Demo brand admin : ${demo.email} / ${demo.password}
  Ops user         : ${env.OPS_EMAIL} / ${env.OPS_PASSWORD}
  Log in: curl -s ${base}/v1/auth/login -H 'content-type: application/json' \\
            -d '{"email":"${demo.email}","password":"${demo.password}"}'
`);
}

waitForGateway()
  .then(seed)
  .catch((err) => {
    console.error(err.message);
    stop(1);
  });
