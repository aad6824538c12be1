import type { ColumnData } from './snapshot/format.ts';

/** A number per set of columns: an origin names the set it came from without holding it (and its origin, and so on). */
const serials = new WeakMap<ColumnData, number>();
let lastSerial = 0;

function serialOf(columns: ColumnData): number {
  let serial = serials.get(columns);
  if (serial === undefined) {
    serial = ++lastSerial;
    serials.set(columns, serial);
  }
  return serial;
}

/** What changed from `base` to `columns`, both loaded sets of the same accounts. */
export interface ColumnChanges {
  /** Positions (in both) of rows whose label list alone changed. */
  relabeled: number[];
  /** The rows of `columns` from here on are new: stored after every row of `base`. */
  appendedFrom: number;
}

/** How a loaded set's columns came from the set before them, worked out when they were loaded. */
const origins = new WeakMap<ColumnData, { base: number; changes: ColumnChanges | string }>();

/** The columns the analytics compare, label lists aside: one changing means the patch cannot follow. */
const FACTS = ['accountId', 'flags', 'size', 'sender', 'to', 'cc', 'bcc', 'threadKey'] as const;

/**
 * Notes how `columns` were made from `base` (load.ts, load-changes.ts): the rows at positions
 * `reread` were read again and those from `readFrom` on read above the kept ones; every other row
 * was copied as it was. So the change a kept dataset must follow (dataset-patch.ts) is found
 * without comparing a million rows: rows appended after every row of `base`, and label lists
 * changed — or why it is another change. The columns share their dictionaries (a catch-up only
 * grows them), so equal numbers are equal texts and lists.
 */
export function noteOrigin(
  columns: ColumnData,
  base: ColumnData,
  reread: readonly number[],
  readFrom: number,
): void {
  origins.set(columns, { base: serialOf(base), changes: changesFrom(columns, base, reread, readFrom) });
}

function changesFrom(
  columns: ColumnData,
  base: ColumnData,
  reread: readonly number[],
  readFrom: number,
): ColumnChanges | string {
  const kept = base.count;
  if (columns.count < kept) return 'messages were deleted';
  // Same ids at the same positions: nothing deleted or moved, only appended after them.
  if (columns.rowId !== base.rowId)
    for (let p = 0; p < kept; p++) if (columns.rowId[p] !== base.rowId[p]) return 'messages were deleted';
  const relabeled: number[] = [];
  const compare = (p: number): string | null => {
    for (const name of FACTS) if (columns[name][p] !== base[name][p]) return `a message's ${name} changed`;
    if (!Object.is(columns.time[p], base.time[p])) return "a message's time changed";
    if (columns.labels[p] !== base.labels[p]) relabeled.push(p);
    return null;
  };
  for (const p of reread) {
    if (p >= kept) break;
    const reason = compare(p);
    if (reason !== null) return reason;
  }
  for (let p = readFrom; p < kept; p++) {
    const reason = compare(p);
    if (reason !== null) return reason;
  }
  return { relabeled, appendedFrom: kept };
}

/** What changed from `base` to `columns` (see {@link noteOrigin}), or why it cannot be followed. */
export function changesSince(columns: ColumnData, base: ColumnData): ColumnChanges | string {
  if (columns === base) return { relabeled: [], appendedFrom: base.count };
  const origin = origins.get(columns);
  if (origin === undefined || origin.base !== serials.get(base))
    return 'the messages were read whole, or not from the set the dataset was made of';
  return origin.changes;
}
