import { DATED } from './message-flags.ts';
import type { Dataset } from './prepare.ts';
import { DAY_MS } from './time/zone-clock.ts';

/**
 * A dataset's dated messages grouped by local day: the messages of day `firstDay + d` are
 * `members[start[d], start[d + 1])`, ascending. A figure over a month of a million messages then
 * reads that month's days, instead of testing the time of every message to find them (a range's
 * list cost two passes over the whole dataset; a 30-day report needs five ranges: the range, the
 * previous one, going quiet's two and the awaiting month).
 */
export interface DayIndex {
  firstDay: number;
  start: Int32Array;
  members: Int32Array;
}

/** One index per dataset, shared by its range views (keyed by the time column, as scope.ts's lists). */
const indexes = new WeakMap<Float64Array, DayIndex>();

/** The dataset's day index, made on first use: a counting sort of the dated messages by day (two passes). */
export function dayIndexOf(data: Dataset): DayIndex {
  let index = indexes.get(data.time);
  if (index === undefined) {
    index = buildDayIndex(data);
    indexes.set(data.time, index);
  }
  return index;
}

function buildDayIndex(data: Dataset): DayIndex {
  const { flags, day, count, firstDay } = data;
  const span = Math.max(0, data.lastDay - firstDay + 1);
  // Day d's count at start[d + 1], then the running sums: day d's messages begin at start[d].
  const start = new Int32Array(span + 1);
  for (let i = 0; i < count; i++) if ((flags[i]! & DATED) !== 0) start[day[i]! - firstDay + 1]!++;
  for (let d = 0; d < span; d++) start[d + 1]! += start[d]!;
  const members = new Int32Array(start[span]!);
  const next = start.slice(0, span);
  for (let i = 0; i < count; i++) {
    if ((flags[i]! & DATED) !== 0) members[next[day[i]! - firstDay]!++] = i;
  }
  return { firstDay, start, members };
}

/**
 * The days that can hold an instant of [from, to): a local day is the UTC day shifted by the
 * zone's offset, which is less than two days either way.
 */
function daysAround(index: DayIndex, from: number, to: number): { first: number; last: number } {
  const days = index.start.length - 1;
  return {
    first: Math.max(0, Math.floor(from / DAY_MS) - 2 - index.firstDay),
    last: Math.min(days - 1, Math.floor(to / DAY_MS) + 2 - index.firstDay),
  };
}

/**
 * The dated messages whose time is in [from, to) (both finite), as dataset indices grouped by
 * local day, ascending within a day. The figures over these lists count, take maxima (ties broken
 * by time and storage id) and add whole numbers, so their order plays no part in any figure.
 */
export function datedBetween(data: Dataset, from: number, to: number): Int32Array {
  const index = dayIndexOf(data);
  const { first, last } = daysAround(index, from, to);
  if (first > last) return new Int32Array(0);
  const { start, members } = index;
  const { time } = data;
  const inside = new Int32Array(start[last + 1]! - start[first]!);
  let n = 0;
  for (let k = start[first]!, end = start[last + 1]!; k < end; k++) {
    const i = members[k]!;
    const t = time[i]!;
    if (t >= from && t < to) inside[n++] = i;
  }
  return inside.subarray(0, n);
}

/**
 * Gives `data` — `previous` brought up to date by appending messages from dataset index
 * `firstNew` on (dataset-patch.ts) — its day index from `previous`'s, when that was made: each
 * day's earlier messages, then its appended ones (their indices are higher, so each day stays
 * ascending). A copy of the members instead of two passes over a million messages.
 */
export function carryDayIndex(previous: Dataset, data: Dataset, firstNew: number): void {
  const before = indexes.get(previous.time);
  if (before === undefined || indexes.has(data.time)) return;
  indexes.set(data.time, extendedDayIndex(before, data, firstNew));
}

function extendedDayIndex(before: DayIndex, data: Dataset, firstNew: number): DayIndex {
  const { flags, day, count, firstDay } = data;
  const span = Math.max(0, data.lastDay - firstDay + 1);
  const shift = before.firstDay - firstDay;
  const beforeDays = before.start.length - 1;
  // The appended messages per day, then each day's new start: its earlier messages and those.
  const added = new Int32Array(span + 1);
  for (let i = firstNew; i < count; i++) if ((flags[i]! & DATED) !== 0) added[day[i]! - firstDay + 1]!++;
  const start = new Int32Array(span + 1);
  for (let d = 0; d < span; d++) {
    const old = d - shift;
    const earlier = old >= 0 && old < beforeDays ? before.start[old + 1]! - before.start[old]! : 0;
    start[d + 1] = start[d]! + earlier + added[d + 1]!;
  }
  const members = new Int32Array(start[span]!);
  const next = new Int32Array(span);
  for (let d = 0; d < span; d++) {
    const old = d - shift;
    next[d] = start[d]!;
    if (old < 0 || old >= beforeDays) continue;
    const run = before.members.subarray(before.start[old]!, before.start[old + 1]!);
    members.set(run, start[d]!);
    next[d]! += run.length;
  }
  for (let i = firstNew; i < count; i++) {
    if ((flags[i]! & DATED) !== 0) members[next[day[i]! - firstDay]!++] = i;
  }
  return { firstDay, start, members };
}
