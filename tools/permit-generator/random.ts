/** A small seeded generator (mulberry32): the same seed always gives the same files. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Log-normal with the given median and spread (sigma of the log). */
  logNormal(median: number, sigma: number): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }

  /** `count` distinct indexes below `size`, or all of them when size is smaller. */
  sample(size: number, count: number): number[] {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, size)) chosen.add(Math.floor(this.next() * size));
    return [...chosen];
  }
}

/** Distinct 10-hex-digit ids like the Trade Database's anonymised permit ids (a bijection of a counter). */
export function hexId(counter: number, salt: number): string {
  const mixed = (BigInt(counter) * 0x9e3779b97fn + BigInt(salt)) % 0x10000000000n;
  return mixed.toString(16).padStart(10, '0');
}

/** How many to plant for a rate: never zero, so every kind is always present. */
export function planted(rate: number, of: number): number {
  return Math.max(1, Math.round(rate * of));
}
