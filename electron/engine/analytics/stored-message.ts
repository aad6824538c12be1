import type { MessageColumns } from './message-columns.ts';
import { AUTOMATED, COUNTED, ECHO, SENT } from './message-flags.ts';
import type { RareFacts, RareFactsLoader } from './rare-facts.ts';
import type { AnalyticsMessage } from './types.ts';

/** A loaded message set: its columns (replaced while they grow) and the rare facts (set once loaded). */
export interface StoredSet {
  columns: MessageColumns;
  rare: RareFactsLoader | null;
}

/**
 * One stored message as the analytics read it: a view of row `index` of its set's columns, so a
 * loaded set is a few arrays plus one two-field object per message. The facts only re-derivation
 * and drill-downs need (threading headers, provider ids) come from the set's
 * {@link RareFactsLoader} on first use, so a report that keeps the stored threads never reads them;
 * the subject, display name and unsubscribe target are read per message when asked (see RowTextsReader).
 */
export class StoredMessage implements AnalyticsMessage {
  readonly #set: StoredSet;
  readonly #index: number;

  constructor(set: StoredSet, index: number) {
    this.#set = set;
    this.#index = index;
  }

  get #columns(): MessageColumns {
    return this.#set.columns;
  }
  get #rare(): RareFacts {
    return this.#set.rare!.at(this.#index);
  }

  get rowId(): number {
    return this.#columns.rowId[this.#index]!;
  }
  get accountId(): number {
    return this.#columns.accountId[this.#index]!;
  }
  get time(): number | null {
    const time = this.#columns.time[this.#index]!;
    return Number.isNaN(time) ? null : time;
  }
  get sender(): string | null {
    return this.#columns.texts.text(this.#columns.sender[this.#index]!);
  }
  get senderName(): string | null {
    return this.#columns.rowTexts(this.#index).senderName;
  }
  get subject(): string | null {
    return this.#columns.rowTexts(this.#index).subject;
  }
  get unsubscribe(): string | null {
    return this.#columns.rowTexts(this.#index).unsubscribe;
  }
  get to(): string[] {
    return this.#columns.lists.lists[this.#columns.to[this.#index]!] as string[];
  }
  get cc(): string[] {
    return this.#columns.lists.lists[this.#columns.cc[this.#index]!] as string[];
  }
  get bcc(): string[] {
    return this.#columns.lists.lists[this.#columns.bcc[this.#index]!] as string[];
  }
  get labels(): string[] {
    return this.#columns.lists.lists[this.#columns.labels[this.#index]!] as string[];
  }
  get size(): number {
    return this.#columns.size[this.#index]!;
  }
  get automated(): boolean {
    return (this.#columns.flags[this.#index]! & AUTOMATED) !== 0;
  }
  get counted(): boolean {
    return (this.#columns.flags[this.#index]! & COUNTED) !== 0;
  }
  get direction(): 'sent' | 'received' {
    return (this.#columns.flags[this.#index]! & SENT) !== 0 ? 'sent' : 'received';
  }
  get echo(): boolean {
    return (this.#columns.flags[this.#index]! & ECHO) !== 0;
  }
  get threadKey(): string {
    return this.#columns.threadKeys.text(this.#columns.threadKey[this.#index]!)!;
  }
  get providerId(): string {
    return this.#rare.providerId;
  }
  get providerThreadId(): string | null {
    return this.#rare.providerThreadId;
  }
  get messageId(): string | null {
    return this.#rare.messageId;
  }
  get inReplyTo(): string[] {
    return this.#rare.inReplyTo;
  }
  get references(): string[] {
    return this.#rare.references;
  }
  get from(): string | null {
    return this.#rare.from;
  }
  get fromName(): string | null {
    return this.#rare.fromName;
  }
  get replyTo(): string[] {
    return this.#rare.replyTo;
  }
  get subjectKey(): string {
    return this.#rare.subjectKey;
  }
  get listPost(): string | null {
    return this.#rare.listPost;
  }
  get hasListPost(): boolean {
    return this.#rare.hasListPost;
  }
  get contentKey(): string | null {
    return this.#rare.contentKey;
  }
}
