import type { EagerRow } from '../cache/analytics-reads.ts';
import { roomFor } from './dataset-rows.ts';
import { type ColumnData, NUMBER_COLUMNS } from './snapshot/format.ts';

const COLUMNS = [...NUMBER_COLUMNS, 'flags'] as const;
type ColumnName = (typeof COLUMNS)[number];
type Column = ColumnData[ColumnName];
/** The columns by name, to set each in a loop. */
type Writable = Record<ColumnName, Column>;

/**
 * How far each column array is filled: the count of the newest set that sees it. Only the set
 * whose count it is may write past it (older sets see fewer rows, so what is written past their
 * count is invisible to them); any other set copies the column first.
 */
const filled = new WeakMap<Column, number>();

/** Columns read whole with room past their rows: the next catch-up may append into it. */
export function filledWithRoom<T extends ColumnData>(columns: T): T {
  for (const name of COLUMNS) filled.set(columns[name], columns.count);
  return columns;
}

/** Writes one stored row at position i of the columns, through the caller's writer (load-changes.ts writeRow). */
export type RowWriter = (columns: ColumnData, i: number, row: EagerRow) => void;

/** A copy of `column`'s first `count` values with room for `needed` and a few more. */
function grown<T extends Column>(column: T, count: number, needed: number): T {
  const copy = new (column.constructor as new (length: number) => T)(roomFor(needed));
  copy.set(column.subarray(0, count));
  return copy;
}

/**
 * The caught-up columns made without copying a million rows, when every row of `base` is still
 * stored at its position: the rows the change log names are read again into their own positions,
 * the rows above the last kept one follow `base`'s in the same order, and new rows come after.
 * A column is shared with `base` when no row read again changed in it and it has room past
 * `base.count` that no other set sees; else it is copied, with room to grow (the labels, when
 * mail was read or archived). `base` sees the same values as before: it reads only its first
 * `base.count` rows, and those are only ever written in a copy. Null when a row was deleted or
 * moved (the caller copies the kept rows around the gaps).
 *
 * `dropped`: the positions of the rows read again (ascending), `again` those rows (ascending ids),
 * `above` every row above `base.rowId[lastKept]`.
 */
export function caughtUpInPlace(
  base: ColumnData,
  dropped: readonly number[],
  lastKept: number,
  again: readonly EagerRow[],
  above: readonly EagerRow[],
  writeRow: RowWriter,
): { columns: ColumnData; reread: number[]; readFrom: number } | null {
  const rereadBelow = dropped.filter((at) => at <= lastKept);
  if (again.length !== rereadBelow.length) return null;
  for (let k = 0; k < again.length; k++) if (base.rowId[rereadBelow[k]!] !== again[k]![0]) return null;
  const following = base.count - 1 - lastKept;
  if (above.length < following) return null;
  for (let k = 0; k < following; k++) if (base.rowId[lastKept + 1 + k] !== above[k]![0]) return null;
  const count = base.count + above.length - following;

  // The rows written below base.count, first into a scratch set to compare with base's values.
  const positions = [...rereadBelow, ...Array.from({ length: following }, (_, k) => lastKept + 1 + k)];
  const rows = [...again, ...above.slice(0, following)];
  const scratch: ColumnData = { ...base, count: rows.length };
  for (const name of COLUMNS) (scratch as Writable)[name] = grown(base[name], 0, rows.length);
  for (let k = 0; k < rows.length; k++) writeRow(scratch, k, rows[k]!);

  const columns: ColumnData = { ...base, count };
  for (const name of COLUMNS) {
    const shared = base[name];
    const changed = positions.some((at, k) => !Object.is(shared[at], scratch[name][k]));
    const free = filled.get(shared) === base.count && shared.length >= count;
    const column = changed || !free ? grown(shared, base.count, count) : shared;
    if (changed) for (let k = 0; k < positions.length; k++) column[positions[k]!] = scratch[name][k]!;
    (columns as Writable)[name] = column;
  }
  for (let k = following; k < above.length; k++) writeRow(columns, base.count + k - following, above[k]!);
  for (const name of COLUMNS) filled.set(columns[name], count);
  return { columns, reread: rereadBelow, readFrom: lastKept + 1 };
}
