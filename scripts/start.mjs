#!/usr/bin/env node
// `npm start`: the whole system from a fresh clone. Installs what is missing, makes sure
// PostgreSQL, RabbitMQ and Redis are up, builds, runs every service's migrate step once
// (database schema, broker topology, job schedules), starts every service, and seeds a demo
// brand and creator through the public API, and serves the web app at http://127.0.0.1:3000/.
// Ctrl-C stops everything gracefully.
import { spawn, spawnSync } from 'node:child_process';
import {
  build,
  ensureDependencies,
  ensureInfrastructure,
  root,
  serviceEntry,
  services,
} from './lib.mjs';

const env = {
  NODE_ENV: 'development',
  PORT: '3000',
  // The sandbox payment provider confirms a deposit's funds after 15 s, so the demo shows the flow.
  CREDIT_SANDBOX_CLEAR_AFTER_MS: '15000',
  // A paid invoice's payout is sent a minute later (production: days, within PAYOUT_MAX_DAYS).
  PAYOUT_DISPATCH_DELAY_MS: '60000',
  OPS_EMAIL: 'ops@glimmer.local',
  OPS_PASSWORD: 'ops-password-change-me',
  ...process.env,
};
const healthPorts = {
  credit: 3101,
  invoicing: 3102,
  scheduler: 3103,
  'creator-network': 3104,
  payout: 3105,
};
// The gateway proxies the queue board (/ops/queues) to the scheduler's health port.
env.SCHEDULER_QUEUE_BOARD_URL ??= `http://127.0.0.1:${healthPorts.scheduler}`;
const colors = {
  gateway: 36,
  credit: 32,
  invoicing: 35,
  scheduler: 33,
  'creator-network': 34,
  payout: 92,
};

ensureDependencies();
ensureInfrastructure();
build();

// Without an SMTP server configured, a local one prints every email here.
const { startMailCatcher } = await import('./mail-catcher.mjs');
const mail = env.SMTP_URL
  ? null
  : await startMailCatcher((m) =>
      console.log(
        `\x1b[90mmail           │ to ${m.to.join(', ')}: ${m.subject}\n${m.text.trim().replace(/^/gm, '               │   ')}\x1b[0m`,
      ),
    );
if (mail) env.SMTP_URL = mail.url;

const SERVICES = services();

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
  const tag = `\x1b[${colors[service]}m${service.padEnd(15)}\x1b[0m│ `;
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
  void mail?.close();
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

async function api(method, path, body, token, key) {
  const headers = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers['idempotency-key'] = key;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => undefined) };
}

/** The demo creator joins the demo brand's network the way a real one does: by its emailed invite. */
async function seedCreator(brand, creator) {
  if ((await api('POST', '/v1/auth/login', creator)).status === 200) return true;
  if (!mail) return false;
  const admin = await api('POST', '/v1/auth/login', brand);
  const invite = await api(
    'POST',
    '/v1/invites',
    { email: creator.email },
    admin.body.accessToken,
    `seed-${Date.now()}`,
  );
  if (invite.status !== 201)
    throw new Error(`inviting the demo creator failed: ${JSON.stringify(invite.body)}`);
  const email = await mail.waitFor(creator.email, /invited you/);
  const token = /Invite token: (\S+)/.exec(email.text)?.[1];
  const accepted = await api('POST', '/v1/invites/accept', {
    token,
    name: 'Demo Creator',
    password: creator.password,
  });
  if (accepted.status !== 201)
    throw new Error(`accepting the demo invite failed: ${JSON.stringify(accepted.body)}`);
  return true;
}

/**
 * The demo admin verifies their email the way a real one does: by the emailed link (deposits and
 * invites need it). A run after a crash between sign-up and verification asks for a new link.
 */
async function verifyDemoAdmin(brand, signedUpNow) {
  const admin = await api('POST', '/v1/auth/login', brand);
  const token = admin.body?.accessToken;
  const status = await api('GET', '/v1/auth/verify-email', undefined, token);
  if (status.body?.verified) return true;
  if (!mail) return false;
  if (!signedUpNow) await api('POST', '/v1/auth/verify-email/resend', undefined, token);
  const email = await mail.waitFor(brand.email, /Verify your email/);
  const link = /(https?:\/\/\S+\/verify-email\?token=\S+)/.exec(email.text)?.[1];
  const verified = await api('POST', '/v1/auth/verify-email', {
    token: new URL(link).searchParams.get('token'),
  });
  if (verified.status !== 200) throw new Error(JSON.stringify(verified.body));
  return true;
}

async function seed() {
  const demo = { email: 'demo-admin@glimmer.local', password: 'demo-password' };
  const creator = { email: 'demo-creator@glimmer.local', password: 'demo-password' };
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
  const brandVerified = await verifyDemoAdmin(demo, res.status === 201).catch((err) => {
    console.error(`verifying the demo admin's email failed: ${err.message}`);
    return false;
  });
  const creatorSeeded = await seedCreator(demo, creator).catch((err) => {
    console.error(`seeding the demo creator failed: ${err.message}`);
    return false;
  });
  console.log(`
  Glimmer is running: open ${base}/ in a browser  (API: ${base}/v1, docs: ${base}/docs)
  Demo brand admin : ${demo.email} / ${demo.password}${brandVerified ? '' : ' (email not verified: open the link in its verification email)'}
  Demo creator     : ${creatorSeeded ? `${creator.email} / ${creator.password} (in the demo brand's network)` : '(not seeded: needs the local mail catcher, i.e. no SMTP_URL)'}
  Ops user         : ${env.OPS_EMAIL} / ${env.OPS_PASSWORD}
  API clients log in with: curl -s ${base}/v1/auth/login -H 'content-type: application/json' \\
            -d '{"email":"${demo.email}","password":"${demo.password}"}'
`);
}

waitForGateway()
  .then(seed)
  .catch((err) => {
    console.error(err.message);
    stop(1);
  });
