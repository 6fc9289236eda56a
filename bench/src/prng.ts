/**
 * Seeded pseudo-random numbers: sfc32, seeded through splitmix32. A stream is named by
 * (seed, table, index), so each table's rows come out the same whatever order they are made in.
 */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...keys: number[]) {
    // Each word of the state hashes every key. For keys that differ only in the last one (row
    // n of a table) the words always differ, since every step is a bijection of the state.
    const mix = (init: number) => {
      let h = init;
      for (const k of keys) {
        h = Math.imul(h ^ (k >>> 0), 0x85ebca6b);
        h ^= h >>> 13;
        h = Math.imul(h, 0xc2b2ae35);
        h ^= h >>> 16;
      }
      return splitmix32(h >>> 0)();
    };
    this.a = mix(0x9e3779b9);
    this.b = mix(0x243f6a88);
    this.c = mix(0xb7e15162);
    this.d = mix(0x3c6ef372) | 1;
    for (let i = 0; i < 8; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** [0, 1) */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1]![0];
  }

  /** A UUID of version 7 layout at `ms`, its random bits from this stream: unique in practice. */
  uuid7(ms: number): string {
    const hi = Math.floor(ms / 0x10000);
    const lo = ms % 0x10000;
    const hex = (n: number, w: number) => n.toString(16).padStart(w, '0');
    const r1 = this.u32();
    const r2 = this.u32();
    const r3 = this.u32();
    return (
      `${hex(hi, 8)}-${hex(lo, 4)}-7${hex(r1 & 0xfff, 3)}-` +
      `${hex(0x8000 | ((r1 >>> 12) & 0x3fff), 4)}-${hex(r2 & 0xffff, 4)}${hex(r3, 8)}`
    );
  }
}
