/**
 * The duplicate rule for imports (METRICS.md "Duplicates"): two messages are the same when their
 * Message-IDs are equal or their content keys are equal (and, so that re-importing identical
 * files adds nothing, when their provider ids are equal). "The same" is an equivalence: a copy
 * that matches two earlier, separate messages merges them, and the earlier-read one survives.
 * The copy read first supplies every field but the labels; labels are the union, except that
 * TRASH and SPAM stay only when every copy carries them.
 *
 * Memory per message is a few keys and a label set; facts are kept only when asked for
 * (`retainFacts`), so an importer can flush batches and still merge later copies into rows it
 * already stored.
 */
import { BriefError } from '../../../shared/errors.ts';
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

const ALL_COPIES_ONLY = ['TRASH', 'SPAM'] as const;

interface Group {
  providerId: string;
  /** Labels on any copy, TRASH and SPAM excluded. */
  labels: Set<string>;
  copies: number;
  trashCopies: number;
  spamCopies: number;
  facts: MessageFacts | null;
  /** The group this one was merged into; itself while it is a root. */
  parent: number;
}

export class DuplicateMerger {
  private readonly groups: Group[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly retainFacts: boolean;

  constructor(options: { retainFacts?: boolean } = {}) {
    this.retainFacts = options.retainFacts ?? true;
  }

  /** Adds the next message in read order. */
  add(facts: MessageFacts): MergeResult {
    const keys = keysOf(facts);
    const roots = new Set<number>();
    for (const key of keys) {
      const index = this.byKey.get(key);
      if (index !== undefined) roots.add(this.root(index));
    }
    if (roots.size === 0) {
      const index = this.groups.length;
      this.groups.push({
        providerId: facts.providerId,
        labels: new Set(facts.labels.filter((label) => label !== 'TRASH' && label !== 'SPAM')),
        copies: 1,
        trashCopies: facts.labels.includes('TRASH') ? 1 : 0,
        spamCopies: facts.labels.includes('SPAM') ? 1 : 0,
        facts: this.retainFacts ? facts : null,
        parent: index,
      });
      for (const key of keys) this.byKey.set(key, index);
      return { kind: 'new', entry: facts };
    }
    const [target = 0, ...others] = [...roots].sort((a, b) => a - b);
    const group = this.groups[target]!;
    const absorbedProviderIds: string[] = [];
    for (const other of others) {
      const absorbed = this.groups[other]!;
      absorbed.parent = target;
      for (const label of absorbed.labels) group.labels.add(label);
      group.copies += absorbed.copies;
      group.trashCopies += absorbed.trashCopies;
      group.spamCopies += absorbed.spamCopies;
      absorbed.facts = null;
      absorbed.labels.clear();
      absorbedProviderIds.push(absorbed.providerId);
    }
    for (const label of facts.labels) if (label !== 'TRASH' && label !== 'SPAM') group.labels.add(label);
    group.copies += 1;
    if (facts.labels.includes('TRASH')) group.trashCopies += 1;
    if (facts.labels.includes('SPAM')) group.spamCopies += 1;
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, target);
    return { kind: 'merged', intoProviderId: group.providerId, labels: labelsOf(group), absorbedProviderIds };
  }

  /** The merged messages in first-seen order (requires `retainFacts`). */
  results(): MessageFacts[] {
    const out: MessageFacts[] = [];
    for (let i = 0; i < this.groups.length; i++) {
      const group = this.groups[i]!;
      if (group.parent !== i) continue;
      if (!group.facts) {
        throw new BriefError(
          'INTERNAL',
          'Merged messages were asked for, but this merger does not keep them.',
        );
      }
      out.push({ ...group.facts, labels: labelsOf(group) });
    }
    return out;
  }

  private root(index: number): number {
    let at = index;
    for (let group = this.groups[at]!; group.parent !== at; group = this.groups[at]!) {
      const parent = group.parent;
      group.parent = this.groups[parent]!.parent;
      at = parent;
    }
    return at;
  }
}

function keysOf(facts: MessageFacts): string[] {
  const keys = [`p:${facts.providerId}`];
  if (facts.messageId !== null) keys.push(`m:${facts.messageId}`);
  if (facts.contentKey !== null) keys.push(`c:${facts.contentKey}`);
  return keys;
}

/** The group's labels: the union in first-seen order, then TRASH and SPAM when every copy carries them. */
function labelsOf(group: Group): string[] {
  const labels = [...group.labels];
  for (const special of ALL_COPIES_ONLY) {
    const carried = special === 'TRASH' ? group.trashCopies : group.spamCopies;
    if (carried === group.copies) labels.push(special);
  }
  return labels;
}
