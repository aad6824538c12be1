import type { PreparedMessage } from './prepare.ts';
import type { ResolvedRange } from './types.ts';

/** A dated message lies in a range by its time, [from, to). */
export function inRange(message: PreparedMessage, range: ResolvedRange): boolean {
  return message.dated && message.time >= range.from && message.time < range.to;
}

/** Coverage and volume totals: dated messages in the range, plus undated ones for `all`. */
export function inTotals(message: PreparedMessage, range: ResolvedRange): boolean {
  return message.dated ? inRange(message, range) : range.preset === 'all';
}

/** A = the earlier of the range end and the as-of time (awaiting reply, going quiet). */
export function awaitingInstant(range: ResolvedRange, asOf: number): number {
  return Math.min(range.to, asOf);
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** Later in walk order: time, then storage id (for "the most recent message that has one"). */
export function isMoreRecent(a: PreparedMessage, b: PreparedMessage | null): boolean {
  return b === null || a.time > b.time || (a.time === b.time && a.source.rowId > b.source.rowId);
}
