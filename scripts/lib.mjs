// Shared by the start and test scripts: dependency install and build, with no dependencies of
// their own so they run on a fresh clone before `npm ci`.
import { execSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function run(command, options = {}) {
  const result = spawnSync(command, { shell: true, stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`\n✖ ${command} failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

/** `npm ci` when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    console.log('▸ installing dependencies (npm ci)');
    run('npm ci --no-audit --no-fund');
  }
}

export function ensureInfrastructure() {
  if (process.env.SKIP_ENSURE_INFRA === '1') return;
  console.log('▸ checking PostgreSQL, RabbitMQ and Redis');
  run('bash scripts/ensure-infra.sh');
}

/** Debian's Chromium for the browser tests (apt-get when missing; never a downloaded build). */
export function ensureBrowser() {
  run('bash scripts/ensure-chromium.sh');
}

export function build() {
  console.log('▸ building');
  run('npm run build --silent');
}

/**
 * The services, from the one list in libs/contracts/src/contract.ts, as built into dist (every
 * caller builds first).
 */
export function services() {
  return createRequire(import.meta.url)(
    join(root, 'dist', 'libs', 'contracts', 'src', 'contract.js'),
  ).SERVICES;
}

export function serviceEntry(service) {
  return join(root, 'dist', 'apps', service, 'src', 'main.js');
}

export function gitShortSha() {
  try {
    return execSync('git rev-parse --short HEAD', { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
}
