import { BriefError } from '../../../shared/errors.ts';
import type { AnalyticsReads } from '../cache/analytics-reads.ts';
import type { RowTexts } from './message-columns.ts';

function changed(): BriefError {
  return new BriefError(
    'CONFLICT',
    'The stored mail changed while its analytics were being read. Ask for the report again.',
  );
}

/**
 * How many rows' texts a reader keeps: a 30-day report lists ≈ 7,500 awaited threads at 1,000,000
 * messages; past this (drill-downs paging through a year) it starts again rather than grow.
 */
const MAX_KEPT = 32_768;

/**
 * Reads a loaded message's provider id, subject, display name and unsubscribe target when asked: a report
 * shows them for a few dozen listed messages (and a drill-down for one page), so the load does
 * not read them for every row. Like the rare facts, they are only asked of a set while its data
 * version holds; a row gone underneath raises CONFLICT.
 *
 * The texts read are kept, and a set caught up from this one's set keeps those of the rows the
 * change log does not name (`carriedTo`): the log follows all four texts (migration 008), so the
 * subjects of the ≈ 7,500 threads a 30-day report lists as awaiting at 1,000,000 messages are not
 * read again after every sync (≈ 12 ms of the first view's CPU), only those of the new last messages.
 */
export class RowTextsReader {
  readonly #reads: AnalyticsReads;
  readonly #kept: Map<number, RowTexts>;

  constructor(reads: AnalyticsReads, kept: Map<number, RowTexts> = new Map()) {
    this.#reads = reads;
    this.#kept = kept;
  }

  /**
   * A reader for the set caught up from this one's: the texts of the rows kept as they were
   * (at or below `keptThrough`, the last row the catch-up copied, and not among `named`, the
   * rows the change log named since; ascending ids) carried over. Rows above it may be new
   * rows under ids given again, and named rows changed: their texts are read again when asked.
   */
  carriedTo(reads: AnalyticsReads, keptThrough: number, named: readonly number[]): RowTextsReader {
    const kept = new Map<number, RowTexts>();
    const gone = new Set(named);
    for (const [rowId, texts] of this.#kept)
      if (rowId <= keptThrough && !gone.has(rowId)) kept.set(rowId, texts);
    return new RowTextsReader(reads, kept);
  }

  read(rowId: number): RowTexts {
    const known = this.#kept.get(rowId);
    if (known !== undefined) return known;
    const row = this.#reads.rowTexts(rowId);
    if (row === undefined) throw changed();
    return this.#keep(rowId, {
      providerId: row[0],
      subject: row[1],
      senderName: row[2],
      unsubscribe: row[3],
    });
  }

  /** The texts of many rows, in the order asked; those not kept are read in one statement. */
  readMany(rowIds: readonly number[]): RowTexts[] {
    const read = new Map<number, RowTexts>();
    const missing = rowIds.filter((rowId) => !this.#kept.has(rowId));
    if (missing.length > 0) {
      for (const row of this.#reads.rowTextsOf(missing)) {
        read.set(row[0], { providerId: row[1], subject: row[2], senderName: row[3], unsubscribe: row[4] });
      }
    }
    const texts = rowIds.map((rowId) => {
      const known = this.#kept.get(rowId) ?? read.get(rowId);
      if (known === undefined) throw changed();
      return known;
    });
    for (const [rowId, row] of read) this.#keep(rowId, row);
    return texts;
  }

  #keep(rowId: number, texts: RowTexts): RowTexts {
    if (this.#kept.size >= MAX_KEPT) this.#kept.clear();
    this.#kept.set(rowId, texts);
    return texts;
  }
}
