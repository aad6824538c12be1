import { BriefError } from '../../shared/errors.ts';
import { HistoryLog, type HistoryRecord, type HistoryType, type MessageSnapshot } from './history.ts';
import { LabelStore } from './labels.ts';
import type { Random } from './random.ts';

/** One message to put in the mailbox (from the generator, real mail, or a test). */
export interface SeedMessage {
  id?: string;
  threadId?: string;
  /** Label ids or names: system labels by id (INBOX), user labels by name (created on first use). */
  labelIds: string[];
  internalDate: number;
  sizeEstimate: number;
  headers: Array<{ name: string; value: string }>;
  raw?: Buffer;
  /** Plain-text body, used for the snippet and for `format=full|raw` when `raw` is absent. */
  body?: string;
}

export interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: number;
  sizeEstimate: number;
  headers: Array<{ name: string; value: string }>;
  raw?: Buffer;
  body?: string;
  historyId: number;
}

export interface LabelModification {
  add?: string[];
  remove?: string[];
}

const HEX16 = /^[0-9a-f]{16}$/;

/**
 * One user's mailbox: labels, messages grouped in threads, and a history log whose ids increase
 * with gaps, as Gmail's do. Mutations (add, delete, relabel) may happen while a client syncs.
 */
export class Mailbox {
  readonly emailAddress: string;
  readonly labels = new LabelStore();
  readonly history: HistoryLog;
  readonly #messages = new Map<string, StoredMessage>();
  readonly #threads = new Map<string, Set<string>>();
  readonly #random: Random;
  #historyId: number;
  #sorted: StoredMessage[] = [];
  #sortedValid = true;
  #version = 0;

  constructor(options: { emailAddress: string; random: Random; historyHorizon?: number }) {
    this.emailAddress = options.emailAddress;
    this.#random = options.random;
    this.history = new HistoryLog(options.historyHorizon ?? Number.POSITIVE_INFINITY);
    this.#historyId = options.random.int(100_000, 900_000);
  }

  get historyId(): number {
    return this.#historyId;
  }

  /** Bumped by every change, so derived answers (counts, estimates) can be cached. */
  get version(): number {
    return this.#version;
  }

  get messageCount(): number {
    return this.#messages.size;
  }

  get threadCount(): number {
    return this.#threads.size;
  }

  getMessage(id: string): StoredMessage | undefined {
    return this.#messages.get(id);
  }

  threadMessages(threadId: string): StoredMessage[] {
    const ids = this.#threads.get(threadId);
    if (ids === undefined) return [];
    return [...ids].map((id) => this.#messages.get(id)!).sort(byDateAscending);
  }

  /** All messages, newest first (Gmail's listing order). */
  sortedMessages(): readonly StoredMessage[] {
    if (!this.#sortedValid) {
      this.#sorted = [...this.#messages.values()].sort(byDateDescending);
      this.#sortedValid = true;
    }
    return this.#sorted;
  }

  /** Puts a message in without a history record: the mailbox as it was before the client came. */
  seed(seed: SeedMessage): StoredMessage {
    return this.#insert(seed);
  }

  /** A new message arrives: recorded as `messageAdded`. */
  addMessage(seed: SeedMessage): StoredMessage {
    const message = this.#insert(seed);
    this.#record('messageAdded', message);
    return message;
  }

  /** Permanently deletes a message: recorded as `messageDeleted`. */
  deleteMessage(id: string): void {
    const message = this.#require(id);
    this.#messages.delete(id);
    const thread = this.#threads.get(message.threadId)!;
    thread.delete(id);
    if (thread.size === 0) this.#threads.delete(message.threadId);
    this.#changed();
    this.#record('messageDeleted', message);
  }

  /** Adds and removes labels (ids or names): recorded as `labelAdded` / `labelRemoved`. */
  modifyLabels(id: string, change: LabelModification): void {
    const message = this.#require(id);
    const add = (change.add ?? [])
      .map((label) => this.labels.resolve(label))
      .filter((l) => !message.labelIds.includes(l));
    const removeIds = (change.remove ?? []).map((label) => this.labels.resolve(label));
    const remove = removeIds.filter((l) => message.labelIds.includes(l) && !add.includes(l));
    if (add.length > 0) {
      message.labelIds = [...message.labelIds, ...add];
      this.#changed();
      this.#record('labelAdded', message, add);
    }
    if (remove.length > 0) {
      message.labelIds = message.labelIds.filter((l) => !remove.includes(l));
      this.#changed();
      this.#record('labelRemoved', message, remove);
    }
  }

  /** Takes a user label off every message (a `labelRemoved` record each), then forgets it. */
  deleteLabel(labelId: string): void {
    for (const message of [...this.#messages.values()]) {
      if (message.labelIds.includes(labelId)) this.modifyLabels(message.id, { remove: [labelId] });
    }
    this.labels.remove(labelId);
    this.#changed();
  }

  #insert(seed: SeedMessage): StoredMessage {
    const id = seed.id ?? this.#freshId();
    if (!HEX16.test(id)) {
      throw new BriefError(
        'VALIDATION',
        `Message id "${id}" is not 16 lower-case hex digits, as Gmail ids are.`,
      );
    }
    if (this.#messages.has(id))
      throw new BriefError('CONFLICT', `A message with id ${id} is already in the mailbox.`);
    const threadId = seed.threadId ?? id;
    if (!HEX16.test(threadId)) {
      throw new BriefError(
        'VALIDATION',
        `Thread id "${threadId}" is not 16 lower-case hex digits, as Gmail ids are.`,
      );
    }
    const labelIds = [...new Set(seed.labelIds.map((label) => this.labels.resolve(label)))];
    this.#historyId += this.#random.int(1, 3);
    const message: StoredMessage = {
      id,
      threadId,
      labelIds,
      internalDate: seed.internalDate,
      sizeEstimate: seed.sizeEstimate,
      headers: seed.headers.map((h) => ({ name: h.name, value: h.value })),
      historyId: this.#historyId,
      ...(seed.raw === undefined ? {} : { raw: seed.raw }),
      ...(seed.body === undefined ? {} : { body: seed.body }),
    };
    this.#messages.set(id, message);
    let thread = this.#threads.get(threadId);
    if (thread === undefined) {
      thread = new Set();
      this.#threads.set(threadId, thread);
    }
    thread.add(id);
    this.#changed();
    return message;
  }

  #record(type: HistoryType, message: StoredMessage, changedLabelIds?: string[]): void {
    // Gmail's history ids grow with gaps (other internal changes share the counter).
    this.#historyId += this.#random.int(2, 9);
    message.historyId = this.#historyId;
    const snapshot: MessageSnapshot = {
      id: message.id,
      threadId: message.threadId,
      labelIds: [...message.labelIds],
    };
    const record: HistoryRecord = { id: this.#historyId, type, message: snapshot };
    if (changedLabelIds !== undefined) record.changedLabelIds = changedLabelIds;
    this.history.append(record);
  }

  #require(id: string): StoredMessage {
    const message = this.#messages.get(id);
    if (message === undefined)
      throw new BriefError('NOT_FOUND', `No message with id ${id} is in the mailbox.`);
    return message;
  }

  #freshId(): string {
    for (;;) {
      const id = this.#random.hex16();
      if (!this.#messages.has(id) && !this.#threads.has(id)) return id;
    }
  }

  #changed(): void {
    this.#sortedValid = false;
    this.#version++;
  }
}

function byDateDescending(a: StoredMessage, b: StoredMessage): number {
  return b.internalDate - a.internalDate || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function byDateAscending(a: StoredMessage, b: StoredMessage): number {
  return -byDateDescending(a, b);
}
