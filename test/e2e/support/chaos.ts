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
  /** The pause between one fault and the next, drawn from [min, max]. */
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
 * Faults at random for `durationMs`: every `everyMs` one service that is up and ready is
 * SIGKILLed (a crash at any point of any request) and started again, or frozen and thawed.
 * Recoveries run in the background, so faults overlap; a service is not hit again before it is
 * ready (killing a process that is still booting tests nothing). Every choice comes from
 * `random`, so a seed replays the plan as closely as the processes' timing allows. Resolves
 * once every service hit has recovered.
 */
export async function faultsAtRandom(
  system: GlimmerSystem,
  random: SeededRandom,
  options: ChaosOptions,
): Promise<Fault[]> {
  const faults: Fault[] = [];
  const recovering = new Map<Service, Promise<void>>();
  const started = Date.now();
  const hit = async (fault: Fault): Promise<void> => {
    if (fault.action === 'kill') {
      await system.kill(fault.service);
      await sleep(fault.forMs);
      await system.startService(fault.service);
      await system.waitServiceReady(fault.service);
    } else {
      system.freeze(fault.service, true);
      try {
        await sleep(fault.forMs);
      } finally {
        system.freeze(fault.service, false);
      }
    }
  };
  while (Date.now() - started < options.durationMs) {
    await sleep(random.int(...options.everyMs));
    const up = options.services.filter((s) => !recovering.has(s));
    if (up.length === 0) continue;
    const service = random.pick(up);
    const action = random.chance(options.freezeShare ?? 0) ? 'freeze' : 'kill';
    const forMs = random.int(...(action === 'kill' ? options.downMs : options.frozenMs!));
    const fault: Fault = { service, action, at: Date.now() - started, forMs };
    faults.push(fault);
    const recovered = hit(fault).finally(() => recovering.delete(service));
    recovered.catch(() => undefined); // awaited below; a failed recovery fails the chaos there
    recovering.set(service, recovered);
  }
  await Promise.all(recovering.values());
  return faults;
}
