import type { ColumnData } from './snapshot/format.ts';

/**
 * An upper bound of a loaded set's stored times (undated rows aside), kept per set and carried to
 * the set caught up from it. Whether a message's validity moves with the as-of time asks whether
 * any time lies in the day past the earlier as-of instant (dataset-patch.ts, report-threads.ts):
 * two passes over every row at 1,000,000 messages (≈ 5 ms of the first view after a sync) that a
 * bound at or before that day answers at once. Mail dated ahead of the clock falls back to the pass.
 */
const bounds = new WeakMap<ColumnData, number>();

/** The largest time of `columns`, or a larger one; -Infinity when no row is dated. Scans once per set without one. */
export function latestTimeBound(columns: ColumnData): number {
  let bound = bounds.get(columns);
  if (bound === undefined) {
    bound = Number.NEGATIVE_INFINITY;
    const { time, count } = columns;
    for (let p = 0; p < count; p++) if (time[p]! > bound) bound = time[p]!;
    bounds.set(columns, bound);
  }
  return bound;
}

/**
 * Notes the bound of `columns` caught up from `base` (load.ts): base's bound (rows dropped since
 * only lower the true maximum) and the times of the rows read again (`reread`) and above the kept
 * ones (from `readFrom` on) — the only rows whose times are not base's.
 */
export function carryTimeBound(
  columns: ColumnData,
  base: ColumnData,
  reread: readonly number[],
  readFrom: number,
): void {
  const known = bounds.get(base);
  if (known === undefined) return;
  let bound = known;
  const { time, count } = columns;
  for (const p of reread) if (time[p]! > bound) bound = time[p]!;
  for (let p = readFrom; p < count; p++) if (time[p]! > bound) bound = time[p]!;
  bounds.set(columns, bound);
}
