// A small seeded pseudo-random generator (mulberry32) for the demo seed: the same seed gives
// the same sequence on every machine, so the demo data is a pure function of its inputs.

/** FNV-1a hash of a string to 32 bits, to derive independent streams from labels. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Random {
  readonly seed: number;
  #state: number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.#state = this.seed;
  }

  /** An independent stream for a part of the data: adding draws in one part does not shift another. */
  fork(label: string): Random {
    return new Random(hashString(`${this.seed}:${label}`));
  }

  /** A float in [0, 1). */
  float(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick() from an empty list");
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Picks a value with probability proportional to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.float() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new RangeError("weighted() from an empty list");
    return last[0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const a = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = a;
    }
    return copy;
  }

  /** `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(count, items.length)));
  }

  digits(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }
}

/**
 * Exactly round(share × n) items get `value`, the rest `otherwise`, in random order: shares
 * that the tests check (referred, single parent) then hold at any scale, not just on average.
 */
export function stratified<T>(rng: Random, n: number, shares: ReadonlyArray<readonly [T, number]>, otherwise: T): T[] {
  const out: T[] = [];
  for (const [value, share] of shares) {
    const count = Math.round(share * n);
    for (let i = 0; i < count && out.length < n; i++) out.push(value);
  }
  while (out.length < n) out.push(otherwise);
  return rng.shuffle(out);
}

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/** Deterministic cuid-shaped ids (25 characters, leading "c"), so two seeds give the same ids. */
export class IdFactory {
  #rng: Random;
  #counter = 0;

  constructor(rng: Random) {
    this.#rng = rng;
  }

  next(): string {
    this.#counter += 1;
    let id = `c${this.#counter.toString(36).padStart(8, "0")}`;
    while (id.length < 25) id += BASE36[Math.floor(this.#rng.float() * 36)];
    return id;
  }
}
