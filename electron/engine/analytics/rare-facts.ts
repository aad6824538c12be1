import { BriefError } from '../../../shared/errors.ts';
import type { AnalyticsReads } from '../cache/analytics-reads.ts';
import { listReader } from './list-column.ts';

/** The facts no figure reads: only re-deriving threads (and a drill-down's provider id) asks for them. */
export interface RareFacts {
  providerId: string;
  providerThreadId: string | null;
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: string | null;
  fromName: string | null;
  replyTo: string[];
  subjectKey: string;
  listPost: string | null;
  hasListPost: boolean;
  contentKey: string | null;
}

/**
 * Reads the rare facts of a loaded message set in one query, the first time one is asked for.
 * The set is only reused while its accounts' data version holds (the report service keys it so),
 * so the rows read later are the rows loaded; a mismatch means the store changed underneath.
 */
export class RareFactsLoader {
  readonly #reads: AnalyticsReads;
  readonly #rowIds: ArrayLike<number>;
  #facts: RareFacts[] | null = null;

  constructor(reads: AnalyticsReads, rowIds: ArrayLike<number>) {
    this.#reads = reads;
    this.#rowIds = rowIds;
  }

  /** The rare facts of the message at `index` in the loaded set. */
  at(index: number): RareFacts {
    this.#facts ??= this.#load();
    return this.#facts[index]!;
  }

  #load(): RareFacts[] {
    const rows = this.#reads.rareFacts();
    if (rows.length !== this.#rowIds.length || rows.some((row, i) => row[0] !== this.#rowIds[i])) {
      throw new BriefError(
        'CONFLICT',
        'The stored mail changed while its analytics were being read. Ask for the report again.',
      );
    }
    const list = listReader();
    return rows.map((r) => ({
      providerId: r[1],
      providerThreadId: r[2],
      messageId: r[3],
      inReplyTo: list(r[4]),
      references: list(r[5]),
      from: r[6],
      fromName: r[7],
      replyTo: list(r[8]),
      subjectKey: r[9],
      listPost: r[10],
      hasListPost: r[11] === 1,
      contentKey: r[12],
    }));
  }
}
