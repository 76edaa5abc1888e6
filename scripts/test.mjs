#!/usr/bin/env node
// `npm test`: every test, from a fresh clone. Installs what is missing, makes sure PostgreSQL,
// RabbitMQ and Redis are up, builds (the e2e suite runs the built services as processes), then
// runs the unit, integration, e2e and browser suites (Debian's Chromium, installed when missing). Extra arguments go to jest (e.g. a path filter).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureBrowser, ensureDependencies, ensureInfrastructure, root } from './lib.mjs';

ensureDependencies();
ensureInfrastructure();
ensureBrowser();
build();

const report = join(root, 'var', 'jest-report.json');
rmSync(report, { force: true });
const args = [
  'jest',
  '--ci',
  '--maxWorkers=2',
  '--json',
  `--outputFile=${report}`,
  ...process.argv.slice(2),
];
console.log(`▸ npx ${args.join(' ')}`);
const result = spawnSync('npx', args, {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, FORCE_COLOR: '0' },
});

try {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
} catch {
  console.log('\n(no jest report was written)');
}
process.exit(result.status ?? 1);
