/** A small seeded generator (mulberry32), so fault sequences and ids reproduce from a seed. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  /** 16 lower-case hex digits, the shape of Gmail message and thread ids. */
  hex16(): string;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = (): string =>
    Math.floor(next() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    hex16: () => {
      // Gmail ids start with a non-zero digit in practice; keep the leading digit in 1-f.
      const id = word() + word();
      return id.startsWith('0') ? `1${id.slice(1)}` : id;
    },
  };
}
