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
 * Reads a loaded message's provider id, subject, display name and unsubscribe target when asked: a report
 * shows them for a few dozen listed messages (and a drill-down for one page), so the load does
 * not read them for every row. Like the rare facts, they are only asked of a set while its data
 * version holds; a row gone underneath raises CONFLICT.
 */
export class RowTextsReader {
  readonly #reads: AnalyticsReads;
  /** The last row read: a drill-down asks each of its messages for two or three of the texts in a row. */
  #lastRowId = Number.NaN;
  #last: RowTexts | null = null;

  constructor(reads: AnalyticsReads) {
    this.#reads = reads;
  }

  read(rowId: number): RowTexts {
    if (rowId === this.#lastRowId) return this.#last!;
    const row = this.#reads.rowTexts(rowId);
    if (row === undefined) throw changed();
    this.#lastRowId = rowId;
    this.#last = { providerId: row[0], subject: row[1], senderName: row[2], unsubscribe: row[3] };
    return this.#last;
  }

  /** The texts of many rows, in the order asked, read in one statement. */
  readMany(rowIds: readonly number[]): RowTexts[] {
    const byId = new Map<number, RowTexts>();
    for (const row of this.#reads.rowTextsOf(rowIds)) {
      byId.set(row[0], { providerId: row[1], subject: row[2], senderName: row[3], unsubscribe: row[4] });
    }
    return rowIds.map((rowId) => {
      const texts = byId.get(rowId);
      if (texts === undefined) throw changed();
      return texts;
    });
  }
}
