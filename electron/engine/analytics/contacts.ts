import { byCountThenKey } from './numbers.ts';
import { domainOf } from './scope.ts';

/** What {@link ContactIndex.intern} answers for one of the report's own addresses. */
export const IDENTITY = -2;

/**
 * The numbers whose count is at least the `limit`-th largest: every number of the top `limit`, and
 * the ones tied with the last of them. Sorting only those by count and address gives the same top
 * as sorting all: at 1,000,000 messages a month has thousands of contacts, most of them tied at a
 * count of one or two, and comparing their addresses was most of each top list's time.
 */
function atLeastTheTop(ids: number[], counts: ArrayLike<number>, limit: number): number[] {
  if (ids.length <= limit) return ids;
  const sorted = Float64Array.from(ids, (id) => counts[id]!).sort();
  const threshold = sorted[sorted.length - limit]!;
  return ids.filter((id) => counts[id]! >= threshold);
}

/**
 * Contacts (addresses that are not identities) numbered 0, 1, 2… as a report first meets them, with
 * their domains numbered the same way. Figures then count into arrays indexed by these numbers
 * instead of maps keyed by strings, which is most of what keeps a report over a million messages
 * within its time budget.
 */
export class ContactIndex {
  /** Contact numbers, and IDENTITY for the report's own addresses (one lookup answers both questions). */
  private readonly ids = new Map<string, number>();
  private readonly addresses: string[] = [];
  private readonly domainIds = new Map<string, number>();
  private readonly domainNames: string[] = [];
  /** The domain number of each contact number. */
  readonly domainOfContact: number[] = [];

  constructor(identities: Iterable<string>) {
    for (const identity of identities) this.ids.set(identity, IDENTITY);
  }

  get size(): number {
    return this.addresses.length;
  }

  get domainCount(): number {
    return this.domainNames.length;
  }

  /** The contact's number, assigning the next one on first sight; IDENTITY for an identity. */
  intern(address: string): number {
    let id = this.ids.get(address);
    if (id === undefined) {
      id = this.addresses.length;
      this.ids.set(address, id);
      this.addresses.push(address);
      const domain = domainOf(address);
      let domainId = this.domainIds.get(domain);
      if (domainId === undefined) {
        domainId = this.domainNames.length;
        this.domainIds.set(domain, domainId);
        this.domainNames.push(domain);
      }
      this.domainOfContact.push(domainId);
    }
    return id;
  }

  /** The contact's number, or -1 when the report has no such contact. */
  find(address: string): number {
    const id = this.ids.get(address);
    return id === undefined || id === IDENTITY ? -1 : id;
  }

  address(id: number): string {
    return this.addresses[id]!;
  }

  domain(domainId: number): string {
    return this.domainNames[domainId]!;
  }

  /** Numbers with a non-zero count, by count descending then address (or domain) in code-point order, at most `limit`. */
  top(counts: ArrayLike<number>, limit: number, domains = false): number[] {
    const name = domains ? (id: number) => this.domainNames[id]! : (id: number) => this.addresses[id]!;
    const ids: number[] = [];
    for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) ids.push(id);
    return atLeastTheTop(ids, counts, limit)
      .sort(
        byCountThenKey(
          (id) => counts[id]!,
          (id) => name(id),
        ),
      )
      .slice(0, limit);
  }
}
