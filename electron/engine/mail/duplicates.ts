/**
 * The duplicate rule for imports (docs/metrics.md "The mail model", Duplicates): two messages are
 * the same when their Message-IDs are equal or their content keys are equal (and, so that
 * re-importing identical files adds nothing, when their provider ids are equal). "The same" is an
 * equivalence: a copy that matches two earlier, separate messages merges them, and the earlier-read
 * one survives. The copy read first supplies every field but the labels; labels are the union,
 * except that TRASH and SPAM stay only when every copy carries them.
 *
 * Memory per message is small and flat: its keys as digests, a few integers, its provider id as
 * three words when it is 24 hex digits (every import's), and an index into the distinct label
 * sets. Facts are kept only when asked for (`retainFacts`), so an importer can flush batches and
 * still merge later copies into rows it already stored.
 */
import { BriefError } from '../../../shared/errors.ts';
import { DigestMap, ensureLength } from './compact-tables.ts';
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

/** What the rule reads of a message. */
export type DuplicateKeys = Pick<MessageFacts, 'providerId' | 'messageId' | 'contentKey' | 'labels'>;

const ALL_COPIES_ONLY = ['TRASH', 'SPAM'] as const;
const HEX_ID = /^[0-9a-f]{24}$/;

export class DuplicateMerger {
  private readonly byKey = new DigestMap();
  private readonly retainFacts: boolean;
  private readonly facts: Array<MessageFacts | null> = [];
  private count = 0;
  /** The group each group was merged into; itself while it is a root. */
  private parent = new Int32Array(0);
  private copies = new Int32Array(0);
  private trashCopies = new Int32Array(0);
  private spamCopies = new Int32Array(0);
  /** Index into `labelSets`: labels on any copy, TRASH and SPAM excluded, in first-seen order. */
  private labelSet = new Int32Array(0);
  private readonly labelSets: string[][] = [];
  private readonly labelSetIds = new Map<string, number>();
  /** Provider ids of 24 hex digits as three words; any other in `otherIds`. */
  private idWords = new Uint32Array(0);
  private readonly otherIds = new Map<number, string>();

  constructor(options: { retainFacts?: boolean } = {}) {
    this.retainFacts = options.retainFacts ?? true;
  }

  /** Adds the next message in read order. */
  add(facts: MessageFacts): MergeResult {
    const roots = this.rootsOf(facts);
    if (roots.length === 0) {
      this.create(facts, this.retainFacts ? facts : null);
      return { kind: 'new', entry: facts };
    }
    return this.merge(facts, roots);
  }

  /** Adds a message that is already stored (read before anything new), without a result. */
  seed(keys: DuplicateKeys): void {
    const roots = this.rootsOf(keys);
    if (roots.length === 0) this.create(keys, null);
    else this.merge(keys, roots);
  }

  /** The merged messages in first-seen order (requires `retainFacts`). */
  results(): MessageFacts[] {
    const out: MessageFacts[] = [];
    for (let i = 0; i < this.count; i++) {
      if (this.parent[i] !== i) continue;
      const facts = this.facts[i];
      if (!facts) {
        throw new BriefError(
          'INTERNAL',
          'Merged messages were asked for, but this merger does not keep them.',
        );
      }
      out.push({ ...facts, labels: this.labelsOf(i) });
    }
    return out;
  }

  /** The distinct roots of the groups that hold any of the message's keys, smallest first. */
  private rootsOf(keys: DuplicateKeys): number[] {
    const roots: number[] = [];
    const look = (key: string) => {
      const index = this.byKey.get(key);
      if (index === -1) return;
      const root = this.root(index);
      if (!roots.includes(root)) roots.push(root);
    };
    look(`p:${keys.providerId}`);
    if (keys.messageId !== null) look(`m:${keys.messageId}`);
    if (keys.contentKey !== null) look(`c:${keys.contentKey}`);
    return roots.sort((a, b) => a - b);
  }

  private create(keys: DuplicateKeys, facts: MessageFacts | null): void {
    const index = this.count;
    this.count += 1;
    this.parent = ensureLength(this.parent, this.count);
    this.copies = ensureLength(this.copies, this.count);
    this.trashCopies = ensureLength(this.trashCopies, this.count);
    this.spamCopies = ensureLength(this.spamCopies, this.count);
    this.labelSet = ensureLength(this.labelSet, this.count);
    this.parent[index] = index;
    this.copies[index] = 1;
    this.trashCopies[index] = keys.labels.includes('TRASH') ? 1 : 0;
    this.spamCopies[index] = keys.labels.includes('SPAM') ? 1 : 0;
    this.labelSet[index] = this.internLabels([], keys.labels);
    this.storeProviderId(index, keys.providerId);
    if (this.retainFacts) this.facts.push(facts);
    this.remember(keys, index);
  }

  private merge(keys: DuplicateKeys, roots: number[]): MergeResult {
    const [target = 0, ...others] = roots;
    const absorbedProviderIds: string[] = [];
    let labels = this.labelSets[this.labelSet[target]!]!;
    for (const other of others) {
      this.parent[other] = target;
      labels = this.labelSets[this.internLabels(labels, this.labelSets[this.labelSet[other]!]!)]!;
      this.copies[target]! += this.copies[other]!;
      this.trashCopies[target]! += this.trashCopies[other]!;
      this.spamCopies[target]! += this.spamCopies[other]!;
      if (this.retainFacts) this.facts[other] = null;
      absorbedProviderIds.push(this.providerIdOf(other));
    }
    this.labelSet[target] = this.internLabels(labels, keys.labels);
    this.copies[target]! += 1;
    if (keys.labels.includes('TRASH')) this.trashCopies[target]! += 1;
    if (keys.labels.includes('SPAM')) this.spamCopies[target]! += 1;
    this.remember(keys, target);
    return {
      kind: 'merged',
      intoProviderId: this.providerIdOf(target),
      labels: this.labelsOf(target),
      absorbedProviderIds,
    };
  }

  /** Points the message's keys that no group holds yet at `index`. */
  private remember(keys: DuplicateKeys, index: number): void {
    this.byKey.getOrSet(`p:${keys.providerId}`, index);
    if (keys.messageId !== null) this.byKey.getOrSet(`m:${keys.messageId}`, index);
    if (keys.contentKey !== null) this.byKey.getOrSet(`c:${keys.contentKey}`, index);
  }

  /** The id of `base` ∪ `added` (TRASH and SPAM left out), keeping first-seen order. */
  private internLabels(base: readonly string[], added: readonly string[]): number {
    let labels = base;
    for (const label of added) {
      if (label === 'TRASH' || label === 'SPAM' || labels.includes(label)) continue;
      labels = labels === base ? [...base, label] : (labels as string[]).concat(label);
    }
    const name = labels.join('\u0000');
    let id = this.labelSetIds.get(name);
    if (id === undefined) {
      id = this.labelSets.length;
      this.labelSets.push([...labels]);
      this.labelSetIds.set(name, id);
    }
    return id;
  }

  /** The group's labels: the union in first-seen order, then TRASH and SPAM when every copy carries them. */
  private labelsOf(index: number): string[] {
    const labels = [...this.labelSets[this.labelSet[index]!]!];
    for (const special of ALL_COPIES_ONLY) {
      const carried = special === 'TRASH' ? this.trashCopies[index] : this.spamCopies[index];
      if (carried === this.copies[index]) labels.push(special);
    }
    return labels;
  }

  private storeProviderId(index: number, providerId: string): void {
    this.idWords = ensureLength(this.idWords, (index + 1) * 3);
    if (!HEX_ID.test(providerId)) {
      this.otherIds.set(index, providerId);
      return;
    }
    for (let word = 0; word < 3; word++) {
      this.idWords[index * 3 + word] = Number.parseInt(providerId.slice(word * 8, word * 8 + 8), 16);
    }
  }

  private providerIdOf(index: number): string {
    const other = this.otherIds.get(index);
    if (other !== undefined) return other;
    let id = '';
    for (let word = 0; word < 3; word++) id += this.idWords[index * 3 + word]!.toString(16).padStart(8, '0');
    return id;
  }

  private root(index: number): number {
    let at = index;
    while (this.parent[at] !== at) {
      const parent = this.parent[at]!;
      this.parent[at] = this.parent[parent]!;
      at = parent;
    }
    return at;
  }
}
