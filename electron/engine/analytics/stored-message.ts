import type { RareFactsLoader } from './rare-facts.ts';
import type { AnalyticsMessage } from './types.ts';

/**
 * One stored message as the analytics read it. The facts the figures use are read with the row;
 * the rest (threading headers, provider ids) come from the set's {@link RareFactsLoader} on first
 * use, so a report that keeps the stored threads never reads or allocates them.
 */
export class StoredMessage implements AnalyticsMessage {
  readonly #index: number;
  readonly #rare: RareFactsLoader;
  rowId: number;
  accountId: number;
  time: number | null;
  sender: string | null;
  senderName: string | null;
  subject: string | null;
  unsubscribe: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  labels: string[];
  size: number;
  automated: boolean;
  counted: boolean;
  direction: 'sent' | 'received';
  echo: boolean;
  threadKey: string;

  constructor(index: number, rare: RareFactsLoader, row: EagerRow, list: (json: string) => string[]) {
    this.#index = index;
    this.#rare = rare;
    this.rowId = row[0];
    this.accountId = row[1];
    this.time = row[2];
    const flags = row[3];
    this.size = row[4];
    this.sender = row[5];
    this.senderName = row[6];
    this.subject = row[7];
    this.unsubscribe = row[8];
    this.to = list(row[9]);
    this.cc = list(row[10]);
    this.bcc = list(row[11]);
    this.labels = list(row[12]);
    this.threadKey = row[13] ?? `r:${row[0]}`;
    this.automated = (flags & FLAG_AUTOMATED) !== 0;
    this.counted = (flags & FLAG_COUNTED) !== 0;
    this.direction = (flags & FLAG_SENT) !== 0 ? 'sent' : 'received';
    this.echo = (flags & FLAG_ECHO) !== 0;
  }

  get providerId(): string {
    return this.#rare.at(this.#index).providerId;
  }
  get providerThreadId(): string | null {
    return this.#rare.at(this.#index).providerThreadId;
  }
  get messageId(): string | null {
    return this.#rare.at(this.#index).messageId;
  }
  get inReplyTo(): string[] {
    return this.#rare.at(this.#index).inReplyTo;
  }
  get references(): string[] {
    return this.#rare.at(this.#index).references;
  }
  get from(): string | null {
    return this.#rare.at(this.#index).from;
  }
  get fromName(): string | null {
    return this.#rare.at(this.#index).fromName;
  }
  get replyTo(): string[] {
    return this.#rare.at(this.#index).replyTo;
  }
  get subjectKey(): string {
    return this.#rare.at(this.#index).subjectKey;
  }
  get listPost(): string | null {
    return this.#rare.at(this.#index).listPost;
  }
  get hasListPost(): boolean {
    return this.#rare.at(this.#index).hasListPost;
  }
  get contentKey(): string | null {
    return this.#rare.at(this.#index).contentKey;
  }
}

/** A row of {@link EAGER_COLUMNS}; the list columns are still JSON text. */
export type EagerRow = [
  number,
  number,
  number | null,
  number,
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string,
  string,
  string | null,
];

/** The bits of the `flags` column the loader computes in SQL (one value read instead of four). */
export const FLAG_COUNTED = 1;
export const FLAG_SENT = 2;
export const FLAG_ECHO = 4;
export const FLAG_AUTOMATED = 8;
/** SQLite gives `<<` and `|` one precedence, left to right, so every shift is parenthesised. */
export const FLAGS_SQL = `((counted != 0) | ((direction = 'sent') << 1) | ((echo != 0) << 2) | ((automated != 0) << 3))`;

/** What the figures read of each row, in {@link EagerRow} order. */
export const EAGER_COLUMNS = `id, account_id, time, ${FLAGS_SQL}, size, sender, sender_name, subject, unsubscribe,
  to_addrs, cc_addrs, bcc_addrs, labels, thread_key`;
