/**
 * Per-account derivations (docs/metrics.md "The mail model": "Which messages count", "Direction",
 * "Sender", "Threads"): recomputed in one pass over an account's messages whenever they or its
 * identities change.
 */
import { normalizeAddress } from './addresses.ts';
import { ensureLength } from './compact-tables.ts';
import { ThreadReconstruction } from './threads.ts';
import type { DerivedFacts, MessageFacts } from './types.ts';

export type DerivableMessage = MessageFacts & { rowId: number };

export interface DeriveOptions {
  /** The account's setting: SPAM and TRASH count too. */
  countSpamTrash: boolean;
  /** The as-of instant that decides which times are valid. */
  asOfMs: number;
  /** Guess each message's thread as it is added (`guessedThreadRow`): an import's provisional keys. */
  guessing?: boolean;
}

/** Lower-cased, googlemail-normalised identity addresses. */
export function identitySet(identities: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const identity of identities) {
    const address = normalizeAddress(identity);
    if (address !== null) set.add(address);
  }
  return set;
}

export function isCounted(labels: readonly string[], countSpamTrash: boolean): boolean {
  if (labels.includes('DRAFT')) return false;
  return countSpamTrash || !(labels.includes('SPAM') || labels.includes('TRASH'));
}

/** What the derivations read of a message. */
export type DerivationInput = Pick<
  DerivableMessage,
  | 'rowId'
  | 'providerThreadId'
  | 'messageId'
  | 'inReplyTo'
  | 'references'
  | 'time'
  | 'sender'
  | 'to'
  | 'cc'
  | 'subjectKey'
  | 'labels'
>;

const COUNTED = 1;
const SENT_LABEL = 2;
const FROM_IDENTITY = 4;
const RECONSTRUCTED = 8;

/** What a message alone decides of its derivation: counted, the SENT label, sent from an identity. */
export function ownFlags(
  message: { labels: readonly string[]; sender: string | null },
  identities: ReadonlySet<string>,
  countSpamTrash: boolean,
): number {
  const counted = isCounted(message.labels, countSpamTrash);
  let flags = (counted ? COUNTED : 0) | (message.labels.includes('SENT') ? SENT_LABEL : 0);
  if (message.sender !== null && identities.has(message.sender)) flags |= FROM_IDENTITY;
  return flags;
}

/**
 * A message's facts from its own flags, whether any message of the account has the SENT label
 * (direction follows that label when one does, else the From address), and its thread key.
 */
export function factsFromFlags(flags: number, anySent: boolean, threadKey: string): DerivedFacts {
  const fromIdentity = (flags & FROM_IDENTITY) !== 0;
  const sent = anySent ? (flags & SENT_LABEL) !== 0 : fromIdentity;
  return {
    counted: (flags & COUNTED) !== 0,
    direction: sent ? 'sent' : 'received',
    echo: !sent && fromIdentity,
    threadKey,
  };
}

/**
 * The derivations of a whole account, computed from messages added one at a time in rowId order
 * and kept as a few typed arrays (so an account of a million messages derives in little memory).
 * After `finish`, `derivedAt(i, providerThreadId)` gives the facts of the i-th message added.
 */
export class AccountDerivation {
  readonly #own: Set<string>;
  readonly #countSpamTrash: boolean;
  readonly #threads: ThreadReconstruction;
  #count = 0;
  #members = 0;
  #anySent = false;
  #flags: Uint8Array;
  #rowIds: Float64Array;
  /**
   * Index among the reconstructed messages, -1 for the others; empty until the first member
   * (every index before it is -1), so mail that all has provider thread ids holds none.
   */
  #memberIndex: Int32Array = new Int32Array(0);
  #threadRows: Float64Array | null = null;

  constructor(identities: readonly string[], options: DeriveOptions, expected = 0) {
    this.#own = identitySet(identities);
    this.#countSpamTrash = options.countSpamTrash;
    this.#threads = new ThreadReconstruction(this.#own, options.asOfMs, expected, options.guessing);
    this.#flags = new Uint8Array(expected);
    this.#rowIds = new Float64Array(expected);
  }

  get size(): number {
    return this.#count;
  }

  add(message: DerivationInput): void {
    this.addRow(message.rowId, message);
  }

  /** `add` with the rowId apart: an import adds the facts it stored without copying them into a new object. */
  addRow(rowId: number, message: Omit<DerivationInput, 'rowId'>): void {
    const i = this.#count;
    this.#count += 1;
    this.#flags = ensureLength(this.#flags, this.#count);
    this.#rowIds = ensureLength(this.#rowIds, this.#count);
    let flags = ownFlags(message, this.#own, this.#countSpamTrash);
    if ((flags & SENT_LABEL) !== 0) this.#anySent = true;
    if (this.#members > 0) {
      this.#memberIndex = ensureLength(this.#memberIndex, this.#count);
      this.#memberIndex[i] = -1;
    }
    this.#rowIds[i] = rowId;
    if ((flags & COUNTED) !== 0 && message.providerThreadId === null) {
      flags |= RECONSTRUCTED;
      this.#addMember(i, message);
    }
    this.#flags[i] = flags;
  }

  /** Makes the `i`-th message added a member of the reconstructed threads. */
  #addMember(i: number, message: Omit<DerivationInput, 'rowId'>): void {
    if (this.#members === 0) this.#memberIndex = firstMemberIndex(this.#count, this.#rowIds.length);
    this.#memberIndex[i] = this.#members;
    this.#members += 1;
    this.#threads.add(this.#rowIds[i]!, message);
  }

  /** Whether a message added has the SENT label (direction follows it when one does). */
  get anySent(): boolean {
    return this.#anySent;
  }

  /** The rowId of the `index`-th message added. */
  rowIdAt(index: number): number {
    return this.#rowIds[index]!;
  }

  /** With `guessing`: the thread row guessed for the `index`-th message as it was added (its own rowId outside the threads). */
  guessedThreadRow(index: number): number {
    const member = index < this.#memberIndex.length ? this.#memberIndex[index]! : -1;
    return member === -1 ? this.#rowIds[index]! : this.#threads.guessedRow(member);
  }

  /** The index of the message added with this rowId, -1 when none was (rowIds come in order). */
  indexOfRow(rowId: number): number {
    let low = 0;
    let high = this.#count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = this.#rowIds[middle]!;
      if (at === rowId) return middle;
      if (at < rowId) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /**
   * Gives the `index`-th message added other labels (an import merged a later copy into it). A
   * message that counts from now on joins the threads (`message` reads what they need of it). False,
   * changing nothing, when a message stops counting or loses its SENT label: the caller then
   * derives from the store.
   */
  relabel(
    index: number,
    labels: readonly string[],
    message: () => Omit<DerivationInput, 'rowId'> | undefined,
  ): boolean {
    const before = this.#flags[index]!;
    const own = ownFlags({ labels, sender: null }, this.#own, this.#countSpamTrash);
    if ((before & SENT_LABEL & ~own) !== 0 || (before & COUNTED & ~own) !== 0) return false;
    let flags = own | (before & (FROM_IDENTITY | RECONSTRUCTED));
    if ((own & COUNTED & ~before) !== 0) {
      const stored = message();
      if (stored === undefined) return false;
      if (stored.providerThreadId === null) {
        flags |= RECONSTRUCTED;
        this.#addMember(index, stored);
      }
    }
    if ((own & SENT_LABEL) !== 0) this.#anySent = true;
    this.#flags[index] = flags;
    return true;
  }

  /** Reconstructs the threads; call once, after the last `add`. `asOfMs`: the constructor's unless given. */
  finish(asOfMs?: number): void {
    this.#threadRows = this.#threads.finish(asOfMs);
  }

  /** The facts of the `index`-th message added, given its provider thread id again. */
  derivedAt(index: number, providerThreadId: string | null): DerivedFacts {
    const member = index < this.#memberIndex.length ? this.#memberIndex[index]! : -1;
    const reconstructed = member !== -1 && this.#threadRows !== null ? this.#threadRows[member] : undefined;
    const threadKey = providerThreadId ?? `r:${reconstructed ?? this.#rowIds[index]}`;
    return factsFromFlags(this.#flags[index]!, this.#anySent, threadKey);
  }
}

/** The member index array when the first member comes with `count` messages added: -1 for each of them. */
function firstMemberIndex(count: number, capacity: number): Int32Array {
  const index = new Int32Array(Math.max(capacity, count));
  index.fill(-1, 0, count);
  return index;
}

/** Derives counted, direction, echo and thread key for every message, keyed by rowId. Messages come in rowId order. */
export function deriveAccount(
  messages: readonly DerivableMessage[],
  identities: readonly string[],
  options: DeriveOptions,
): Map<number, DerivedFacts> {
  const derivation = new AccountDerivation(identities, options, messages.length);
  for (const message of messages) derivation.add(message);
  derivation.finish();
  const derived = new Map<number, DerivedFacts>();
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i]!;
    derived.set(message.rowId, derivation.derivedAt(i, message.providerThreadId));
  }
  return derived;
}

/** From addresses of SENT messages that are not identities yet, most frequent first (ties by address). */
export function suggestAliases(
  messages: readonly MessageFacts[],
  identities: readonly string[],
): Array<{ address: string; count: number }> {
  const own = identitySet(identities);
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message.from === null || own.has(message.from) || !message.labels.includes('SENT')) continue;
    counts.set(message.from, (counts.get(message.from) ?? 0) + 1);
  }
  return [...counts]
    .map(([address, count]) => ({ address, count }))
    .sort((a, b) => b.count - a.count || (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
