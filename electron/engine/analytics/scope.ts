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

/** Index lists per time column (one per dataset, shared by its range views) and range: a few ranges each. */
const indexLists = new WeakMap<Float64Array, Map<string, Int32Array>>();
const MAX_LISTS = 16;

/** A list made once per dataset and `key`. */
function indexList(data: Dataset, key: string, make: () => Int32Array): Int32Array {
  let lists = indexLists.get(data.time);
  if (lists === undefined) {
    lists = new Map();
    indexLists.set(data.time, lists);
  }
  let list = lists.get(key);
  if (list === undefined) {
    list = make();
    if (lists.size >= MAX_LISTS) lists.clear();
    lists.set(key, list);
  }
  return list;
}

/** The dataset indices (ascending) of the messages `keep` accepts: one pass over every message, two to fill. */
function everyAccepted(data: Dataset, keep: (i: number) => boolean): Int32Array {
  let count = 0;
  for (let i = 0; i < data.count; i++) if (keep(i)) count++;
  const list = new Int32Array(count);
  for (let i = 0, k = 0; k < count; i++) if (keep(i)) list[k++] = i;
  return list;
}

/**
 * The dated messages in [from, to), as dataset indices: a figure over a month of a million
 * messages loops over that month's, and the figures of one range share one list. A bounded range
 * is read from the day index (day-index.ts: grouped by day, so no figure may depend on the order),
 * an unbounded one (`all`) by a pass over every message, ascending.
 */
export function datedIn(data: Dataset, from: number, to: number): Int32Array {
  const { time } = data;
  return indexList(data, `${from}|${to}`, () =>
    Number.isFinite(from) && Number.isFinite(to)
      ? datedBetween(data, from, to)
      : everyAccepted(data, (i) => time[i]! >= from && time[i]! < to),
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
  if (range.preset !== 'all') return datedIn(data, range.from, range.to);
  return indexList(data, `totals|${range.from}|${range.to}`, () =>
    everyAccepted(data, (i) => inTotals(data, i, range)),
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
