/**
 * The duplicate rule for imports (docs/metrics.md "The mail model", Duplicates): two messages are
 * the same when their Message-IDs are equal or their content keys are equal (and, so that
 * re-importing identical files adds nothing, when their provider ids are equal). "The same" is an
 * equivalence: a copy that matches two earlier, separate messages merges them, and the earlier-read
 * one survives. The copy read first supplies every field but the labels; labels are the union,
 * except that TRASH and SPAM stay only when every copy carries them.
 *
 * Memory per message is small and flat (docs/mail-model.md, "Duplicate keys in little memory"):
 * the keys as 8-byte fingerprints (fingerprint-table.ts), each hit confirmed against the
 * candidate's own keys where they are kept, the store once it is written (`MessageKeyStore`), so
 * two different messages never merge on a shared fingerprint; a few integers; the provider id as
 * three words when it is 24 hex digits (every import's); an index into the distinct label sets.
 * Keys that belong to no stored row (a merged copy's other keys, the keys of a row a later copy
 * proved a duplicate) are kept as strings: few. Facts are kept only when asked for
 * (`retainFacts`), so an importer can flush batches and still merge later copies into rows it
 * already stored.
 */
import { BriefError } from '../../../shared/errors.ts';
import { ensureLength } from './compact-tables.ts';
import { FingerprintTable, type KeyDigest } from './fingerprint-table.ts';
import type { MessageFacts } from './types.ts';

export type MergeResult =
  | { kind: 'new'; entry: MessageFacts }
  | {
      kind: 'merged';
      /** The stored message this copy belongs to (the one read first). */
      intoProviderId: string;
      /** Its labels after the merge. */
      labels: string[];
      /** Earlier messages this copy proved to be the same message: delete them, their labels are now in `labels`. */
      absorbedProviderIds: string[];
    };

/** What the rule reads of a message; `provider` for a stored one (by default the store's). */
export type DuplicateKeys = Pick<MessageFacts, 'providerId' | 'messageId' | 'contentKey' | 'labels'> & {
  provider?: string;
};

/** A message's own keys, as the store holds them. */
export type OwnKeys = Pick<MessageFacts, 'messageId' | 'contentKey'>;

/** Where the merger reads the keys of messages it was told are stored (`stored()`). */
export interface MessageKeyStore {
  /** The provider of the messages given to `add`. */
  provider: string;
  /** The stored message's keys; undefined when no such message is stored. */
  keysOf(provider: string, providerId: string): OwnKeys | undefined;
}

const TRASH = 1;
const SPAM = 2;
const HEX_ID = /^[0-9a-f]{24}$/;

type Key = { text: string; kind: 'm' | 'c' | 'p'; value: string };

/**
 * The keys the rule compares. The provider id of an imported message is a digest of its
 * Message-ID, else its content key, else its bytes (importedProviderId), so equal provider ids
 * mean equal keys of the first two kinds: it is looked up only for a message with neither.
 */
function keysOf(message: DuplicateKeys): Key[] {
  const keys: Key[] = [];
  if (message.messageId !== null)
    keys.push({ text: `m:${message.messageId}`, kind: 'm', value: message.messageId });
  if (message.contentKey !== null)
    keys.push({ text: `c:${message.contentKey}`, kind: 'c', value: message.contentKey });
  if (keys.length === 0) keys.push({ text: `p:${message.providerId}`, kind: 'p', value: message.providerId });
  return keys;
}

function addRoot(roots: number[], root: number): void {
  if (!roots.includes(root)) roots.push(root);
}

function flagsOf(labels: readonly string[]): number {
  return (labels.includes('TRASH') ? TRASH : 0) | (labels.includes('SPAM') ? SPAM : 0);
}

export class DuplicateMerger {
  /** Each message's own keys → the message (its index, in first-seen order). */
  readonly #keys: FingerprintTable;
  /** Keys no stored row of the message holds: a merged copy's other keys, an absorbed message's keys. */
  readonly #aliases = new Map<string, number>();
  /** Own keys of the messages the store does not hold yet (of every message, without a store). */
  readonly #unstored = new Map<number, OwnKeys>();
  readonly #store: MessageKeyStore | null;
  readonly #retainFacts: boolean;
  readonly #facts: Array<MessageFacts | null> = [];
  #count = 0;
  /** The group each message was merged into; itself while it is a root. */
  #parent = new Int32Array(0);
  /** TRASH | SPAM when every copy in the group carries it. */
  #flags = new Uint8Array(0);
  /** Index into `labelSets`: labels on any copy, TRASH and SPAM excluded, in first-seen order. */
  #labelSet = new Int32Array(0);
  readonly #labelSets: string[][] = [];
  readonly #labelSetIds = new Map<string, number>();
  /** Index into `providers`. */
  #provider = new Uint8Array(0);
  readonly #providers: string[] = [];
  /** Provider ids of 24 hex digits as three words; any other in `otherIds`. */
  #idWords = new Uint32Array(0);
  readonly #otherIds = new Map<number, string>();
  /** The candidate whose own keys were read last in this lookup, and those keys. */
  #confirmedIndex = -1;
  #confirmed: OwnKeys | undefined;

  constructor(options: { retainFacts?: boolean; store?: MessageKeyStore; digest?: KeyDigest } = {}) {
    this.#retainFacts = options.retainFacts ?? true;
    this.#store = options.store ?? null;
    this.#keys = new FingerprintTable(options.digest);
  }

  /** Adds the next message in read order. */
  add(facts: MessageFacts): MergeResult {
    const found = this.#find(facts);
    if (found.roots.length === 0) {
      this.#create(facts, this.#store?.provider ?? '', this.#retainFacts ? facts : null, false);
      return { kind: 'new', entry: facts };
    }
    return this.#merge(facts, found.roots, found.unheld);
  }

  /** Adds a message that is already stored (read before anything new), without a result. */
  seed(keys: DuplicateKeys): void {
    const found = this.#find(keys);
    if (found.roots.length === 0)
      this.#create(keys, keys.provider ?? this.#store?.provider ?? '', null, true);
    else this.#merge(keys, found.roots, found.unheld);
  }

  /** Every message added so far is in the store: its keys are read there from now on. */
  stored(): void {
    if (this.#store !== null) this.#unstored.clear();
  }

  /** The merged messages in first-seen order (requires `retainFacts`). */
  results(): MessageFacts[] {
    const out: MessageFacts[] = [];
    for (let i = 0; i < this.#count; i++) {
      if (this.#parent[i] !== i) continue;
      const facts = this.#facts[i];
      if (!facts) {
        throw new BriefError(
          'INTERNAL',
          'Merged messages were asked for, but this merger does not keep them.',
        );
      }
      out.push({ ...facts, labels: this.#labelsOf(i) });
    }
    return out;
  }

  /** The distinct roots of the groups holding any of the message's keys (smallest first), and the keys none holds. */
  #find(message: DuplicateKeys): { roots: number[]; unheld: Key[] } {
    const roots: number[] = [];
    const unheld: Key[] = [];
    this.#confirmedIndex = -1;
    for (const key of keysOf(message)) {
      let held = false;
      const alias = this.#aliases.get(key.text);
      if (alias !== undefined) {
        held = true;
        addRoot(roots, this.#root(alias));
      } else {
        this.#keys.lookup(key.text);
        for (let index = this.#keys.nextCandidate(); index !== -1; index = this.#keys.nextCandidate()) {
          if (!this.#owns(index, key)) continue;
          held = true;
          addRoot(roots, index);
        }
      }
      if (!held) unheld.push(key);
    }
    return { roots: roots.sort((a, b) => a - b), unheld };
  }

  /** Whether `key` is one of the message's own keys (a root's: an absorbed message's keys are aliases). */
  #owns(index: number, key: Key): boolean {
    if (this.#parent[index] !== index) return false;
    if (key.kind === 'p') return this.#providerIdOf(index) === key.value;
    // A message's two keys usually lead to the same candidate: it is read once.
    if (this.#confirmedIndex !== index) {
      this.#confirmedIndex = index;
      this.#confirmed = this.#ownKeys(index);
    }
    return (key.kind === 'm' ? this.#confirmed?.messageId : this.#confirmed?.contentKey) === key.value;
  }

  #ownKeys(index: number): OwnKeys | undefined {
    const unstored = this.#unstored.get(index);
    if (unstored !== undefined || this.#store === null) return unstored;
    return this.#store.keysOf(this.#providers[this.#provider[index]!]!, this.#providerIdOf(index));
  }

  #create(message: DuplicateKeys, provider: string, facts: MessageFacts | null, stored: boolean): void {
    const index = this.#count;
    this.#count += 1;
    this.#parent = ensureLength(this.#parent, this.#count);
    this.#flags = ensureLength(this.#flags, this.#count);
    this.#labelSet = ensureLength(this.#labelSet, this.#count);
    this.#provider = ensureLength(this.#provider, this.#count);
    this.#parent[index] = index;
    this.#flags[index] = flagsOf(message.labels);
    this.#labelSet[index] = this.#internLabels([], message.labels);
    this.#provider[index] = this.#providerCode(provider);
    this.#storeProviderId(index, message.providerId);
    if (this.#retainFacts) this.#facts.push(facts);
    for (const key of keysOf(message)) this.#keys.add(key.text, index);
    if (!stored || this.#store === null) {
      this.#unstored.set(index, { messageId: message.messageId, contentKey: message.contentKey });
    }
  }

  #merge(message: DuplicateKeys, roots: number[], unheld: Key[]): MergeResult {
    const [target = 0, ...others] = roots;
    const absorbedProviderIds: string[] = [];
    let labels = this.#labelSets[this.#labelSet[target]!]!;
    let flags = this.#flags[target]! & flagsOf(message.labels);
    for (const other of others) {
      this.#absorb(other, target);
      labels = this.#labelSets[this.#internLabels(labels, this.#labelSets[this.#labelSet[other]!]!)]!;
      flags &= this.#flags[other]!;
      if (this.#retainFacts) this.#facts[other] = null;
      absorbedProviderIds.push(this.#providerIdOf(other));
    }
    this.#labelSet[target] = this.#internLabels(labels, message.labels);
    this.#flags[target] = flags;
    for (const key of unheld) this.#aliases.set(key.text, target);
    return {
      kind: 'merged',
      intoProviderId: this.#providerIdOf(target),
      labels: this.#labelsOf(target),
      absorbedProviderIds,
    };
  }

  /** Joins `other`'s group to `target`'s. Its row is deleted, so its own keys become aliases. */
  #absorb(other: number, target: number): void {
    const own = this.#ownKeys(other);
    const keys = keysOf({
      providerId: this.#providerIdOf(other),
      messageId: own?.messageId ?? null,
      contentKey: own?.contentKey ?? null,
      labels: [],
    });
    for (const key of keys) this.#aliases.set(key.text, other);
    this.#unstored.delete(other);
    this.#parent[other] = target;
  }

  /** The id of `base` ∪ `added` (TRASH and SPAM left out), keeping first-seen order. */
  #internLabels(base: readonly string[], added: readonly string[]): number {
    let labels = base;
    for (const label of added) {
      if (label === 'TRASH' || label === 'SPAM' || labels.includes(label)) continue;
      labels = labels === base ? [...base, label] : (labels as string[]).concat(label);
    }
    const name = labels.join('\u0000');
    let id = this.#labelSetIds.get(name);
    if (id === undefined) {
      id = this.#labelSets.length;
      this.#labelSets.push([...labels]);
      this.#labelSetIds.set(name, id);
    }
    return id;
  }

  /** The group's labels: the union in first-seen order, then TRASH and SPAM when every copy carries them. */
  #labelsOf(index: number): string[] {
    const labels = [...this.#labelSets[this.#labelSet[index]!]!];
    if (this.#flags[index]! & TRASH) labels.push('TRASH');
    if (this.#flags[index]! & SPAM) labels.push('SPAM');
    return labels;
  }

  #providerCode(provider: string): number {
    let code = this.#providers.indexOf(provider);
    if (code === -1) code = this.#providers.push(provider) - 1;
    return code;
  }

  #storeProviderId(index: number, providerId: string): void {
    this.#idWords = ensureLength(this.#idWords, (index + 1) * 3);
    if (!HEX_ID.test(providerId)) {
      this.#otherIds.set(index, providerId);
      return;
    }
    for (let word = 0; word < 3; word++) {
      this.#idWords[index * 3 + word] = Number.parseInt(providerId.slice(word * 8, word * 8 + 8), 16);
    }
  }

  #providerIdOf(index: number): string {
    const other = this.#otherIds.get(index);
    if (other !== undefined) return other;
    let id = '';
    for (let word = 0; word < 3; word++) id += this.#idWords[index * 3 + word]!.toString(16).padStart(8, '0');
    return id;
  }

  #root(index: number): number {
    let at = index;
    while (this.#parent[at] !== at) {
      const parent = this.#parent[at]!;
      this.#parent[at] = this.#parent[parent]!;
      at = parent;
    }
    return at;
  }
}
