/**
 * Medians and nearest-rank percentiles without sorting. A report asks only a few ranks of each
 * set of delays (median, 90th percentile), so selecting them costs linear time where a sort of
 * the hundreds of thousands of reply pairs of a large mailbox costs n log n: the same values
 * (selection returns exactly the element a sort would put at that rank), a fraction of the work.
 */

/** Below this many values a slice is ordered by insertion, the fastest for short slices. */
const SHORT = 16;

function swap(values: Float64Array, a: number, b: number): void {
  const held = values[a]!;
  values[a] = values[b]!;
  values[b] = held;
}

function insertionSort(values: Float64Array, from: number, to: number): void {
  for (let k = from + 1; k < to; k++) {
    const value = values[k]!;
    let j = k - 1;
    while (j >= from && values[j]! > value) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = value;
  }
}

/**
 * Reorders `values[from, to)` so that position `k` holds the value a sort would put there, every
 * value before it ≤ it and every value after it ≥ it (Hoare's selection, median-of-three pivot;
 * a slice that does not shrink fast enough is sorted instead, so the cost stays n log n at worst).
 */
export function selectRank(values: Float64Array, from: number, to: number, k: number): number {
  let low = from;
  let high = to - 1;
  let budget = 2 * Math.ceil(Math.log2(to - from + 1)) + 8;
  while (high - low >= SHORT) {
    if (budget-- === 0) {
      values.subarray(low, high + 1).sort();
      return values[k]!;
    }
    const middle = (low + high) >>> 1;
    if (values[middle]! < values[low]!) swap(values, middle, low);
    if (values[high]! < values[low]!) swap(values, high, low);
    if (values[high]! < values[middle]!) swap(values, high, middle);
    const pivot = values[middle]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) swap(values, i++, j--);
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return values[k]!;
  }
  insertionSort(values, low, high + 1);
  return values[k]!;
}

/** The least of `values[from, to)`. */
function minimum(values: Float64Array, from: number, to: number): number {
  let least = values[from]!;
  for (let k = from + 1; k < to; k++) if (values[k]! < least) least = values[k]!;
  return least;
}

/**
 * The median (mean of the two middle values for an even count) and the nearest-rank 90th
 * percentile of `values[from, to)`, as numbers.ts medianOfSorted and percentileOfSorted give them
 * for the sorted values; null when the slice is empty. Reorders the slice.
 */
export function medianAndP90(
  values: Float64Array,
  from = 0,
  to = values.length,
): { median: number | null; p90: number | null } {
  const n = to - from;
  if (n === 0) return { median: null, p90: null };
  const p90Rank = Math.max(1, Math.ceil((90 * n) / 100)) - 1;
  const p90 = selectRank(values, from, to, from + p90Rank);
  // Everything the median needs now lies in [from, from + p90Rank], the p90Rank + 1 smallest.
  return { median: medianWithin(values, from, from + p90Rank + 1, n), p90 };
}

/** The median of a slice of `n` values whose ⌈n/2⌉ + 1 smallest lie in `values[from, end)`. */
function medianWithin(values: Float64Array, from: number, end: number, n: number): number {
  if (n % 2 === 1) return selectRank(values, from, end, from + (n - 1) / 2);
  const lower = selectRank(values, from, end, from + n / 2 - 1);
  return (lower + minimum(values, from + n / 2, end)) / 2;
}

/** The median of `values[from, to)` (mean of the two middle values for an even count); null when empty. Reorders the slice. */
export function medianOf(values: Float64Array, from = 0, to = values.length): number | null {
  const n = to - from;
  return n === 0 ? null : medianWithin(values, from, to, n);
}

/**
 * Values grouped by a small dense key (a contact number, a week's slot): group g's values are
 * `values[start[g], start[g + 1])`, in their given order. One counting pass, one scatter: no array
 * per group.
 */
export function groupByKey(
  keys: Int32Array,
  values: Float64Array,
  groups: number,
): { start: Int32Array; values: Float64Array } {
  const start = new Int32Array(groups + 1);
  for (let k = 0; k < keys.length; k++) start[keys[k]! + 1]!++;
  for (let g = 0; g < groups; g++) start[g + 1]! += start[g]!;
  const next = start.slice(0, groups);
  const grouped = new Float64Array(values.length);
  for (let k = 0; k < keys.length; k++) grouped[next[keys[k]!]!++] = values[k]!;
  return { start, values: grouped };
}
