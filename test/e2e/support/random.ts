/**
 * A seeded pseudo-random source (mulberry32), so a randomised test prints its seed and the same
 * seed replays the same choices (the timing of real processes still varies run to run).
 */
export class SeededRandom {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A seed from `envValue` when given (to replay a run), otherwise a fresh one. */
  static fromEnv(envValue: string | undefined): SeededRandom {
    const seed = envValue ? Number(envValue) : Math.floor(Math.random() * 2 ** 32);
    if (!Number.isInteger(seed)) throw new Error(`not an integer seed: ${envValue}`);
    return new SeededRandom(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
