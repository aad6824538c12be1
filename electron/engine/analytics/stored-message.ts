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

  constructor(
    index: number,
    rare: RareFactsLoader,
    row: {
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
      flags: number;
      threadKey: string;
    },
  ) {
    this.#index = index;
    this.#rare = rare;
    this.rowId = row.rowId;
    this.accountId = row.accountId;
    this.time = row.time;
    this.sender = row.sender;
    this.senderName = row.senderName;
    this.subject = row.subject;
    this.unsubscribe = row.unsubscribe;
    this.to = row.to;
    this.cc = row.cc;
    this.bcc = row.bcc;
    this.labels = row.labels;
    this.size = row.size;
    this.automated = (row.flags & FLAG_AUTOMATED) !== 0;
    this.counted = (row.flags & FLAG_COUNTED) !== 0;
    this.direction = (row.flags & FLAG_SENT) !== 0 ? 'sent' : 'received';
    this.echo = (row.flags & FLAG_ECHO) !== 0;
    this.threadKey = row.threadKey;
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

/** The bits of the `flags` column the loader computes in SQL (one value read instead of four). */
export const FLAG_COUNTED = 1;
export const FLAG_SENT = 2;
export const FLAG_ECHO = 4;
export const FLAG_AUTOMATED = 8;
export const FLAGS_SQL = `(counted != 0) | (direction = 'sent') << 1 | (echo != 0) << 2 | (automated != 0) << 3`;
