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
