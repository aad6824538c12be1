/**
 * The message_cache and accounts reads of the analytics (loading a report's messages, the facts
 * read on first use, the accounts of a report), prepared through the store so they are timed,
 * logged when slow and have storage failures translated like every other statement. All of the
 * message_cache SQL lives in this folder; the analytics turn these rows into columns.
 */

import { AUTOMATED, COUNTED, ECHO, NAMED, SENT, UNSUBSCRIBE } from '../analytics/message-flags.ts';
import type { Store } from '../db/store.ts';
import type { TimedStatement } from '../db/timed-statement.ts';

/**
 * The flags (analytics/message-flags.ts) computed in SQL, one value read instead of six, built
 * from the same constants so the layout cannot drift between the store and the analytics.
 */
export const FLAGS_SQL = `((counted != 0) * ${COUNTED} | (direction = 'sent') * ${SENT} | (echo != 0) * ${ECHO}
  | (automated != 0) * ${AUTOMATED} | (coalesce(sender_name, '') != '') * ${NAMED}
  | (coalesce(unsubscribe, '') != '') * ${UNSUBSCRIBE})`;

/** What the figures read of each row: id, account, time, flags, size, sender, to, cc, bcc, labels, thread key (lists as JSON text). */
export type EagerRow = [
  number,
  number,
  number | null,
  number,
  number,
  string | null,
  string,
  string,
  string,
  string,
  string | null,
];

/** The threading facts, read once for a whole set on first use: id first, then RARE_COLUMNS' order. */
export type RareRow = [
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

/** The change log's position (see AnalyticsReads.changeMarks). */
export interface ChangeMarks {
  seq: number;
  trimmedThrough: number;
  watermark: number;
}

export interface ReportAccountRow {
  id: number;
  address: string;
  provider: 'gmail' | 'import' | 'demo';
  identities: string;
  mailbox_total: number | null;
  last_sync_at: string | null;
}

const EAGER_COLUMNS = `id, account_id, time, ${FLAGS_SQL}, size, sender, to_addrs, cc_addrs, bcc_addrs, labels, thread_key`;
const RARE_COLUMNS = `id, provider_id, provider_thread_id, message_id, in_reply_to, refs, from_addr, from_name, reply_to,
  subject_key, list_post, has_list_post, content_key`;

function placeholders(count: number): string {
  return new Array(count).fill('?').join(',');
}

/**
 * The reads of one set of accounts. The table is scanned in rowid order: `+account_id` keeps
 * SQLite off the (account, time) index, with which it would sort every row in a temporary b-tree.
 */
export class AnalyticsReads {
  readonly #store: Store;
  readonly #accountIds: readonly number[];
  readonly #filter: string;
  #batch: TimedStatement<EagerRow> | null = null;
  #byIds: TimedStatement<EagerRow> | null = null;
  #rowTexts: TimedStatement<[string, string | null, string | null, string | null]> | null = null;
  #manyRowTexts: TimedStatement<[number, string, string | null, string | null, string | null]> | null = null;

  constructor(store: Store, accountIds: readonly number[]) {
    this.#store = store;
    this.#accountIds = accountIds;
    this.#filter = `+account_id IN (${placeholders(accountIds.length)})`;
  }

  /** Runs `work` on one snapshot of the file (see Store.read). */
  snapshot<T>(work: () => T): T {
    return this.#store.read(work);
  }

  /** Up to `limit` rows after row id `after`, in row id order. */
  eagerBatch(after: number, limit: number): EagerRow[] {
    this.#batch ??= this.#store.prepareRaw<EagerRow>(
      `SELECT ${EAGER_COLUMNS} FROM message_cache WHERE ${this.#filter} AND id > ? ORDER BY id LIMIT ?`,
    );
    return this.#batch.all(...this.#accountIds, after, limit);
  }

  /** The rows among `rowIds` (ascending) that are still stored, in row id order. */
  eagerRows(rowIds: readonly number[]): EagerRow[] {
    this.#byIds ??= this.#store.prepareRaw<EagerRow>(
      `SELECT ${EAGER_COLUMNS} FROM message_cache WHERE id IN (SELECT value FROM json_each(?)) AND ${this.#filter} ORDER BY id`,
    );
    return this.#byIds.all(JSON.stringify(rowIds), ...this.#accountIds);
  }

  /** Where the change log stands (migrations/006): its last seq, the last seq trimmed away, the watermark. */
  changeMarks(): ChangeMarks {
    const row = this.#store
      .prepareRaw<[number, number, number]>(
        `SELECT max(trimmed_through, coalesce((SELECT max(seq) FROM message_changes), 0)), trimmed_through, watermark
         FROM message_change_marks WHERE id = 1`,
      )
      .get();
    return row === undefined
      ? { seq: 0, trimmedThrough: Number.POSITIVE_INFINITY, watermark: 0 }
      : { seq: row[0], trimmedThrough: row[1], watermark: row[2] };
  }

  /**
   * The distinct rows of these accounts changed or deleted after `seq`, ascending; at most `limit`
   * (more means: read the accounts whole).
   */
  changedSince(seq: number, limit: number): number[] {
    return this.#store
      .prepareRaw<[number]>(
        `SELECT DISTINCT message_rowid FROM message_changes
         WHERE seq > ? AND account_id IN (${placeholders(this.#accountIds.length)}) ORDER BY message_rowid LIMIT ?`,
      )
      .all(seq, ...this.#accountIds, limit)
      .map((row) => row[0]);
  }

  /** Every row's threading facts, in row id order. */
  rareFacts(): RareRow[] {
    return this.#store
      .prepareRaw<RareRow>(`SELECT ${RARE_COLUMNS} FROM message_cache WHERE ${this.#filter} ORDER BY id`)
      .all(...this.#accountIds);
  }

  /** Provider id, subject, display name and unsubscribe target of one row; undefined when it is gone. */
  rowTexts(rowId: number): [string, string | null, string | null, string | null] | undefined {
    this.#rowTexts ??= this.#store.prepareRaw(
      'SELECT provider_id, subject, sender_name, unsubscribe FROM message_cache WHERE id = ?',
    );
    return this.#rowTexts.get(rowId);
  }

  /**
   * The same texts of many rows in one statement (a report lists thousands of awaited threads:
   * one call, not one per row), each row led by its id, in no particular order; rows gone are missing.
   */
  rowTextsOf(
    rowIds: readonly number[],
  ): Array<[number, string, string | null, string | null, string | null]> {
    this.#manyRowTexts ??= this.#store.prepareRaw(
      'SELECT id, provider_id, subject, sender_name, unsubscribe FROM message_cache WHERE id IN (SELECT value FROM json_each(?))',
    );
    return this.#manyRowTexts.all(JSON.stringify(rowIds));
  }

  /**
   * Which accounts a loaded set is of: each one's id, address and creation time (an account
   * forgotten and added again is another account, whatever its id). What changed in their
   * messages since is the change log's business (changedSince). Null when one of them is gone.
   */
  accountsIdentity(): string | null {
    const rows = this.#store
      .prepareRaw<[number, string, string]>(
        `SELECT id, address, created_at FROM accounts
         WHERE id IN (${placeholders(this.#accountIds.length)}) ORDER BY id`,
      )
      .all(...this.#accountIds);
    return rows.length === new Set(this.#accountIds).size ? JSON.stringify(rows) : null;
  }

  /** The accounts' rows, in id order (fewer than asked when one is gone). */
  accounts(): ReportAccountRow[] {
    return this.#store
      .prepare<ReportAccountRow>(
        `SELECT id, address, provider, identities, mailbox_total, last_sync_at FROM accounts
         WHERE id IN (${placeholders(this.#accountIds.length)}) ORDER BY id`,
      )
      .all(...this.#accountIds);
  }
}
