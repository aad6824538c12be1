import { DAY_MS, HOUR_MS } from './time/zone-clock.ts';

/** Integer ms, rounded half up (docs/metrics.md "Numbers"). */
export function roundHalfUp(value: number): number {
  return Math.floor(value + 0.5);
}

/** A sorted copy; a typed array sorts numerically without a comparator, several times faster. */
export function sortAscending(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * A sorted copy of counts (non-negative integers, such as thread lengths), by counting how often
 * each occurs: linear where a sort of the half million threads of a large mailbox is not.
 */
export function sortCounts(values: ArrayLike<number>): Float64Array {
  let max = 0;
  for (let k = 0; k < values.length; k++) if (values[k]! > max) max = values[k]!;
  const times = new Int32Array(max + 1);
  for (let k = 0; k < values.length; k++) times[values[k]!]!++;
  const sorted = new Float64Array(values.length);
  let at = 0;
  for (let value = 0; value <= max; value++) {
    const end = at + times[value]!;
    sorted.fill(value, at, end);
    at = end;
  }
  return sorted;
}

/** The median of sorted values; the mean of the two middle ones for an even count; null when empty. */
export function medianOfSorted(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (n % 2 === 1) return sorted[(n - 1) / 2]!;
  return (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

/** Nearest-rank percentile: the value at rank ⌈p/100 × n⌉ (integer arithmetic, so 90 × 30 / 100 is exactly 27). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  return sorted[rank - 1]!;
}

export function meanOf(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** part ÷ whole as a fraction, null when the whole is 0. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function nullableRound(value: number | null): number | null {
  return value === null ? null : roundHalfUp(value);
}

/** Lower bounds of the delay buckets: [0, 1 h), [1 h, 4 h), [4 h, 24 h), [1 d, 3 d), [3 d, 7 d), [7 d, ∞). */
const BUCKET_BOUNDS = [HOUR_MS, 4 * HOUR_MS, DAY_MS, 3 * DAY_MS, 7 * DAY_MS];

export function bucketOf(delay: number): number {
  let index = 0;
  while (index < BUCKET_BOUNDS.length && delay >= BUCKET_BOUNDS[index]!) index++;
  return index;
}

/**
 * Code-point order (not UTF-16 code-unit order): at the first differing unit, a surrogate (an
 * astral character) sorts after any BMP character at or above U+E000.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate && (xSurrogate ? y >= 0xe000 : x >= 0xe000)) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** Lists are sorted by count descending, then by key in code-point order. */
export function byCountThenKey<T>(
  count: (item: T) => number,
  key: (item: T) => string,
): (a: T, b: T) => number {
  return (a, b) => count(b) - count(a) || compareCodePoints(key(a), key(b));
}

/** Counts per key, then the top `limit` entries by count and key. */
export function topCounts(counts: Map<string, number>, limit: number): Array<[string, number]> {
  return [...counts]
    .sort(
      byCountThenKey(
        (entry) => entry[1],
        (entry) => entry[0],
      ),
    )
    .slice(0, limit);
}

export function increment(counts: Map<string, number>, key: string, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}
