import { datedBetween } from './day-index.ts';
import { DATED, type Dataset } from './prepare.ts';
import type { ResolvedRange } from './types.ts';

/**
 * A dated message lies in a range by its time, [from, to). Undated messages have time NaN, for
 * which both comparisons are false.
 */
export function inRange(data: Dataset, i: number, range: ResolvedRange): boolean {
  const time = data.time[i]!;
  return time >= range.from && time < range.to;
}

/** Coverage and volume totals: dated messages in the range, plus undated ones for `all`. */
export function inTotals(data: Dataset, i: number, range: ResolvedRange): boolean {
  return (data.flags[i]! & DATED) !== 0 ? inRange(data, i, range) : range.preset === 'all';
}

/** The most values {@link perDataset} keeps per dataset and kind: a few ranges each. */
const MAX_PER_DATASET = 16;

/**
 * A value made once per dataset and `key` (a range), kept in `cache` by the dataset's time column:
 * a dataset's views of other ranges (prepare.ts datasetForRange) share it, and a dataset prepared
 * or brought up to date anew has a new column, so nothing is kept past the facts it was made from.
 */
export function perDataset<T>(
  cache: WeakMap<Float64Array, Map<string, T>>,
  data: Dataset,
  key: string,
  make: () => T,
): T {
  let values = cache.get(data.time);
  if (values === undefined) {
    values = new Map();
    cache.set(data.time, values);
  }
  let value = values.get(key);
  if (value === undefined) {
    value = make();
    if (values.size >= MAX_PER_DATASET) values.clear();
    values.set(key, value);
  }
  return value;
}

/** Index lists per dataset and range. */
const indexLists = new WeakMap<Float64Array, Map<string, Int32Array>>();

/** A list made once per dataset and `key`. */
function indexList(data: Dataset, key: string, make: () => Int32Array): Int32Array {
  return perDataset(indexLists, data, key, make);
}

/**
 * The dataset indices (ascending) of the messages whose time lies in [from, to) (an undated one's,
 * NaN, never does): one pass to count, one to fill, or none when every message does. The loops
 * are written out, not given a predicate: at 1,000,000 messages the call per message was most of
 * their cost.
 */
function timedWithin(time: Float64Array, from: number, to: number): Int32Array {
  let accepted = 0;
  for (let i = 0; i < time.length; i++) if (time[i]! >= from && time[i]! < to) accepted++;
  const list = new Int32Array(accepted);
  if (accepted === time.length) for (let i = 0; i < accepted; i++) list[i] = i;
  else for (let i = 0, k = 0; k < accepted; i++) if (time[i]! >= from && time[i]! < to) list[k++] = i;
  return list;
}

/** The messages {@link inTotals} counts for `all`: `dated`, the dated ones in range, and the undated ones, ascending. */
function withUndated(data: Dataset, dated: Int32Array, from: number, to: number): Int32Array {
  const { flags, time, count } = data;
  let undated = 0;
  for (let i = 0; i < count; i++) if ((flags[i]! & DATED) === 0) undated++;
  // None undated (the usual mailbox): the same messages as `dated`, one list kept.
  if (undated === 0) return dated;
  const list = new Int32Array(dated.length + undated);
  for (let i = 0, k = 0; k < list.length; i++)
    if ((flags[i]! & DATED) === 0 || (time[i]! >= from && time[i]! < to)) list[k++] = i;
  return list;
}

/**
 * The dated messages in [from, to), as dataset indices: a figure over a month of a million
 * messages loops over that month's, and the figures of one range share one list. A bounded range
 * is read from the day index (day-index.ts: grouped by day, so no figure may depend on the order),
 * an unbounded one (`all`) by a pass over every message, ascending.
 */
export function datedIn(data: Dataset, from: number, to: number): Int32Array {
  return indexList(data, `${from}|${to}`, () =>
    Number.isFinite(from) && Number.isFinite(to)
      ? datedBetween(data, from, to)
      : timedWithin(data.time, from, to),
  );
}

/** The threads with a dated message in [from, to), ascending. */
export function threadsIn(data: Dataset, from: number, to: number): Int32Array {
  const inside = datedIn(data, from, to);
  const seen = new Uint8Array(data.threads.count);
  const threads: number[] = [];
  for (let n = 0; n < inside.length; n++) {
    const t = data.threadOf[inside[n]!]!;
    if (seen[t] === 0) {
      seen[t] = 1;
      threads.push(t);
    }
  }
  return Int32Array.from(threads).sort();
}

/** The messages {@link inTotals} counts, as dataset indices (the dated ones in range, as {@link datedIn}, but for `all`). */
export function totalsIn(data: Dataset, range: ResolvedRange): Int32Array {
  const dated = datedIn(data, range.from, range.to);
  if (range.preset !== 'all') return dated;
  return indexList(data, `totals|${range.from}|${range.to}`, () =>
    withUndated(data, dated, range.from, range.to),
  );
}

/** A = the earlier of the range end and the as-of time (awaiting reply, going quiet). */
export function awaitingInstant(range: ResolvedRange, asOf: number): number {
  return Math.min(range.to, asOf);
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** Whether message a is later than b (-1 = none) in walk order: time, then storage id. */
export function isMoreRecent(data: Dataset, a: number, b: number): boolean {
  if (b < 0) return true;
  const ta = data.time[a]!;
  const tb = data.time[b]!;
  return ta > tb || (ta === tb && data.rowId[a]! > data.rowId[b]!);
}
