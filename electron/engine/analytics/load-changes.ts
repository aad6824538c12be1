import type { AnalyticsReads, ChangeMarks, EagerRow } from '../cache/analytics-reads.ts';
import { caughtUpInPlace } from './load-in-place.ts';
import type { MessageColumns } from './message-columns.ts';
import { type ColumnData, NUMBER_COLUMNS } from './snapshot/format.ts';
import type { LoadStamp } from './snapshot/load-stamp.ts';

/** Rows read per query when reading every row above a row id. */
export const BATCH_ROWS = 4096;

/**
 * Past this many changed rows (or an eighth of the set, if more) a whole read is cheaper than
 * looking each one up, and the set is read again.
 */
const MIN_CHANGES_BEFORE_WHOLE_READ = 2048;

/** The numeric columns, each copied as it is for the rows that did not change. */
const COLUMNS = [...NUMBER_COLUMNS, 'flags'] as const;

/** Writes one stored row into position `i` of the columns (their dictionaries number its texts and lists). */
export function writeRow(columns: ColumnData, i: number, row: EagerRow): void {
  const { texts, lists } = columns;
  columns.rowId[i] = row[0];
  columns.accountId[i] = row[1];
  columns.time[i] = row[2] ?? Number.NaN;
  columns.flags[i] = row[3];
  columns.size[i] = row[4];
  columns.sender[i] = texts.id(row[5]);
  columns.to[i] = lists.ofJson(row[6]);
  columns.cc[i] = lists.ofJson(row[7]);
  columns.bcc[i] = lists.ofJson(row[8]);
  columns.labels[i] = lists.ofJson(row[9]);
  columns.threadKey[i] = columns.threadKeys.id(row[10] ?? `r:${row[0]}`);
}

/**
 * Every row above `after`, in row id order, in batches that die young; stops (false) when
 * `onBatch` says so.
 */
export function rowsAfter(
  reads: AnalyticsReads,
  after: number,
  onBatch: (rows: EagerRow[]) => boolean,
): boolean {
  for (;;) {
    const rows = reads.eagerBatch(after, BATCH_ROWS);
    if (!onBatch(rows)) return false;
    if (rows.length < BATCH_ROWS) return true;
    after = rows[rows.length - 1]![0];
  }
}

/** The first position in `rowId[0, end)` (ascending) holding an id ≥ `id`. */
export function lowerBound(rowId: ArrayLike<number>, id: number, end: number): number {
  let low = 0;
  let high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (rowId[middle]! < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** What catching up found: the columns as they are now, whether anything changed, and how many rows it dropped or read. */
export interface CaughtUp {
  columns: ColumnData;
  changed: boolean;
  rows: number;
  /** The positions (in `columns`) of the rows read again; every other row below `readFrom` was copied as it was. */
  reread: number[];
  /** Where the rows read above the last kept one start. */
  readFrom: number;
  /** The row id of the last row kept as it was: every row above it was read again. */
  keptThrough: number;
  /** The row ids the change log named since the stamp (ascending): changed or gone. */
  named: readonly number[];
}

/**
 * Brings columns read under `stamp` up to date inside the caller's read transaction, reading only
 * what changed since (docs/analytics.md "Incremental load"); null when the change log no longer
 * reaches back to the stamp or holds too many changes, and the set must be read whole.
 *
 * The rows kept as they are: those at or below `stamp.covered` that the log does not name. Every
 * row stored since has a larger id than all of them (ids are max(id) + 1, and the kept rows were
 * never deleted: that would be logged), so after the named rows are looked up again (those still
 * stored), every row above the last kept one is read. The result stays in row id order, the order
 * a full read gives; its dictionaries are the old ones, grown (`make` allocates the columns).
 */
export function caughtUpColumns(
  reads: AnalyticsReads,
  base: ColumnData,
  stamp: LoadStamp,
  marks: ChangeMarks,
  make: (count: number) => ColumnData,
): CaughtUp | null {
  if (marks.trimmedThrough > stamp.seq) return null;
  const limit = Math.max(MIN_CHANGES_BEFORE_WHOLE_READ, Math.floor(base.count / 8));
  const named = marks.seq > stamp.seq ? reads.changedSince(stamp.seq, limit + 1) : [];
  if (named.length > limit) return null;
  const end = lowerBound(base.rowId, stamp.covered + 1, base.count);
  // Positions of named rows among the followed ones, ascending (named ids are ascending).
  const dropped: number[] = [];
  for (const id of named) {
    const at = lowerBound(base.rowId, id, end);
    if (at < end && base.rowId[at] === id) dropped.push(at);
  }
  let lastKept = end - 1;
  for (let d = dropped.length - 1; d >= 0 && dropped[d] === lastKept; d--) lastKept -= 1;
  const keptThrough = lastKept < 0 ? Number.MIN_SAFE_INTEGER : base.rowId[lastKept]!;
  const again = reads.eagerRows(named.filter((id) => id <= keptThrough));
  const above: EagerRow[] = [];
  // Many rows above the last kept one (the watermark far behind): read whole, batch by batch.
  const fewAbove = rowsAfter(reads, keptThrough, (rows) => {
    for (const row of rows) above.push(row);
    return above.length <= limit;
  });
  if (!fewAbove) return null;
  const kept = lastKept + 1 - dropped.filter((at) => at <= lastKept).length;
  const unchanged =
    named.length === 0 && lastKept === base.count - 1 && above.length === 0 && again.length === 0;
  const followed = { keptThrough, named };
  if (unchanged)
    return { columns: base, changed: false, rows: 0, reread: [], readFrom: base.count, ...followed };

  const inPlace = caughtUpInPlace(base, dropped, lastKept, again, above, writeRow);
  if (inPlace !== null)
    return { ...inPlace, changed: true, rows: dropped.length + again.length + above.length, ...followed };
  const columns = make(kept + again.length + above.length);
  let out = 0;
  let next = 0; // the next dropped position to skip
  /** Copies the kept rows of positions [from, to), run by run between dropped ones. */
  const copyKept = (from: number, to: number) => {
    let start = from;
    while (start < to) {
      while (next < dropped.length && dropped[next]! < start) next += 1;
      const stop = next < dropped.length && dropped[next]! < to ? dropped[next]! : to;
      for (const name of COLUMNS) columns[name].set(base[name].subarray(start, stop), out);
      out += stop - start;
      start = stop + 1;
    }
  };
  let position = 0;
  const reread: number[] = [];
  for (const row of again) {
    const at = lowerBound(base.rowId, row[0], lastKept + 1);
    copyKept(position, at);
    reread.push(out);
    writeRow(columns, out++, row);
    position = at;
  }
  copyKept(position, lastKept + 1);
  const readFrom = out;
  for (const row of above) writeRow(columns, out++, row);
  const rows = dropped.length + again.length + above.length;
  return { columns, changed: true, rows, reread, readFrom, ...followed };
}

/** The columns of a loaded set without what is particular to one set (its messages and row readers). */
export function columnData(columns: MessageColumns): ColumnData {
  const { messages: _m, rowTexts: _t, rowTextsOf: _o, ...data } = columns;
  return data;
}
