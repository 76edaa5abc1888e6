#!/usr/bin/env node
// Each service's resident memory after start-up: starts a private system, waits until it has
// been idle BENCH_IDLE_SECONDS (default 10) after ready, reads VmRSS from /proc/<pid>/status.
// Target (issue #13): ≤ 150 MB per service. Exits 1 if a service is over it.
// Usage: npm run build && npm run bench:footprint   (Linux only: reads /proc)
import { readFileSync } from 'node:fs';
import { startSystem } from './system.mjs';

const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
const TARGET_MB = 150;

const kB = (status, field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);

const system = await startSystem('footprint');
let over = 0;
try {
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const rows = system.processes.map(({ service, pid }) => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { service, pid, rss: kB(status, 'VmRSS') / 1024, hwm: kB(status, 'VmHWM') / 1024 };
  });
  console.log(`resident memory ${IDLE_SECONDS} s after ready (target ≤ ${TARGET_MB} MB a service)`);
  console.log('');
  console.log(
    `${'service'.padEnd(16)} ${'pid'.padStart(8)} ${'RSS MB'.padStart(8)} ${'peak MB'.padStart(8)}  target`,
  );
  for (const r of rows) {
    const ok = r.rss <= TARGET_MB;
    if (!ok) over++;
    console.log(
      `${r.service.padEnd(16)} ${String(r.pid).padStart(8)} ${r.rss.toFixed(1).padStart(8)} ${r.hwm.toFixed(1).padStart(8)}  ${ok ? 'ok' : 'OVER'}`,
    );
  }
  const total = rows.reduce((sum, r) => sum + r.rss, 0);
  console.log(`${'total'.padEnd(16)} ${''.padStart(8)} ${total.toFixed(1).padStart(8)}`);
  console.log(`services over ${TARGET_MB} MB: ${over}`);
} finally {
  await system.stop();
}
if (over) process.exitCode = 1;
