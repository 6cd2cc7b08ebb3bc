/**
 * The simulation's only source of chance: mulberry32, a tiny seeded PRNG, so a seed replays the
 * same business (never Math.random). Each tenant draws from its own stream (seed, tenant, month),
 * so the order in which concurrent requests finish changes nothing that is decided.
 */
export class Prng {
  private state: number;

  constructor(...seeds: number[]) {
    let hash = 0x9e3779b9;
    for (const seed of seeds) hash = Math.imul(hash ^ (seed >>> 0), 0x85ebca6b) ^ (hash >>> 13);
    this.state = hash >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
}
