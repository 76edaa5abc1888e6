import { SeededRandom } from './random';
import { GlimmerSystem, Service } from './system';

export interface Kill {
  service: Service;
  /** Milliseconds since the chaos began. */
  at: number;
  /** How long the service stayed dead before it was started again. */
  downMs: number;
}

export interface ChaosOptions {
  services: readonly Service[];
  durationMs: number;
  /** The pause between one restart and the next kill, drawn from [min, max]. */
  everyMs: [number, number];
  /** How long a killed service stays dead, drawn from [min, max]. */
  downMs: [number, number];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * SIGKILLs a random service every now and then and starts it again, for `durationMs`: crashes
 * at any point of any request. Every choice comes from `random`, so a seed replays the plan.
 */
export async function killAtRandom(
  system: GlimmerSystem,
  random: SeededRandom,
  options: ChaosOptions,
): Promise<Kill[]> {
  const kills: Kill[] = [];
  const started = Date.now();
  while (Date.now() - started < options.durationMs) {
    await sleep(random.int(...options.everyMs));
    const service = random.pick(options.services);
    const downMs = random.int(...options.downMs);
    kills.push({ service, at: Date.now() - started, downMs });
    await system.kill(service);
    await sleep(downMs);
    await system.startService(service);
  }
  return kills;
}
