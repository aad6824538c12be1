import type BetterSqlite3 from 'better-sqlite3';
import { BriefError } from '../../../shared/errors.ts';
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

type RareRow = [
  number,
  string,
  string | null,
  string | null,
  string,
  string,
  string | null,
  string | null,
  string,
  string,
  string | null,
  number,
  string | null,
];

const RARE_COLUMNS = `id, provider_id, provider_thread_id, message_id, in_reply_to, refs, from_addr, from_name, reply_to,
  subject_key, list_post, has_list_post, content_key`;

/**
 * Reads the rare facts of a loaded message set in one query, the first time one is asked for.
 * The set is only reused while its accounts' data version holds (the report service keys it so),
 * so the rows read later are the rows loaded; a mismatch means the store changed underneath.
 */
export class RareFactsLoader {
  readonly #db: BetterSqlite3.Database;
  readonly #query: string;
  readonly #accountIds: number[];
  readonly #rowIds: ArrayLike<number>;
  #facts: RareFacts[] | null = null;

  constructor(db: BetterSqlite3.Database, where: string, accountIds: number[], rowIds: ArrayLike<number>) {
    this.#db = db;
    this.#query = `SELECT ${RARE_COLUMNS} FROM message_cache ${where}`;
    this.#accountIds = accountIds;
    this.#rowIds = rowIds;
  }

  /** The rare facts of the message at `index` in the loaded set. */
  at(index: number): RareFacts {
    this.#facts ??= this.#load();
    return this.#facts[index]!;
  }

  #load(): RareFacts[] {
    const rows = this.#db
      .prepare(this.#query)
      .raw(true)
      .all(...this.#accountIds) as RareRow[];
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
