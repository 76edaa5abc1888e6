import { SeededRandom } from './random';
import { GlimmerSystem, Service } from './system';

export interface Fault {
  service: Service;
  /** SIGKILL then a restart, or SIGSTOP then SIGCONT (slow past every deadline, state intact). */
  action: 'kill' | 'freeze';
  /** Milliseconds since the chaos began. */
  at: number;
  /** How long the service stayed dead (before its restart) or frozen. */
  forMs: number;
}

export interface ChaosOptions {
  services: readonly Service[];
  durationMs: number;
  /** The pause between one fault's end and the next, drawn from [min, max]. */
  everyMs: [number, number];
  /** How long a killed service stays dead before it is started again, from [min, max]. */
  downMs: [number, number];
  /** The share of faults that freeze instead of kill (0: kills only). */
  freezeShare?: number;
  /** How long a frozen service stays frozen, from [min, max]: past RPC_TIMEOUT_MS to matter. */
  frozenMs?: [number, number];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Faults at random for `durationMs`: a service SIGKILLed (a crash at any point of any request)
 * and started again, or frozen and thawed. Every choice comes from `random`, so a seed replays
 * the plan (the timing of real processes still varies run to run).
 */
export async function faultsAtRandom(
  system: GlimmerSystem,
  random: SeededRandom,
  options: ChaosOptions,
): Promise<Fault[]> {
  const faults: Fault[] = [];
  const started = Date.now();
  while (Date.now() - started < options.durationMs) {
    await sleep(random.int(...options.everyMs));
    const service = random.pick(options.services);
    const action = random.chance(options.freezeShare ?? 0) ? 'freeze' : 'kill';
    const forMs = random.int(...(action === 'kill' ? options.downMs : options.frozenMs!));
    faults.push({ service, action, at: Date.now() - started, forMs });
    if (action === 'kill') {
      await system.kill(service);
      await sleep(forMs);
      await system.startService(service);
    } else {
      system.freeze(service, true);
      try {
        await sleep(forMs);
      } finally {
        system.freeze(service, false);
      }
    }
  }
  return faults;
}
