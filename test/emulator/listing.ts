import type { Clock } from './clock.ts';
import { invalidArgument } from './google-error.ts';
import type { Mailbox, StoredMessage } from './mailbox.ts';
import { createRandom } from './random.ts';
import type { LabelCounts } from './render.ts';
import { compileQuery } from './search-query.ts';

export interface ListFilter {
  labelIds: string[];
  includeSpamTrash: boolean;
  q?: string;
}

export interface ListPage<T> {
  items: T[];
  nextPageToken?: string;
  resultSizeEstimate: number;
}

/**
 * Answers messages.list, threads.list and label counts over a mailbox, newest first. The
 * `resultSizeEstimate` is an estimate, as Google documents it: the true count moved by a seeded
 * 5–25 % (at least 1), so a client that takes it for the exact count fails here as on Google.
 */
export class Listing {
  readonly #mailbox: Mailbox;
  readonly #clock: Clock;
  readonly #seed: number;
  readonly #estimates = new Map<string, { version: number; count: number }>();

  constructor(mailbox: Mailbox, clock: Clock, seed: number) {
    this.#mailbox = mailbox;
    this.#clock = clock;
    this.#seed = seed;
  }

  /** Refuses a bad label, query or page token before any quota is spent. */
  checkFilter(filter: ListFilter, pageToken: string | undefined, collection: 'messages' | 'threads'): void {
    this.#predicate(filter);
    if (pageToken === undefined) return;
    if (collection === 'messages') decodeMessageToken(pageToken);
    else decodeThreadToken(pageToken);
  }

  messages(filter: ListFilter, maxResults: number, pageToken?: string): ListPage<StoredMessage> {
    const matches = this.#predicate(filter);
    const sorted = this.#mailbox.sortedMessages();
    const start = pageToken === undefined ? 0 : positionAfter(sorted, decodeMessageToken(pageToken));
    const items: StoredMessage[] = [];
    let index = start;
    for (; index < sorted.length && items.length < maxResults; index++) {
      if (matches(sorted[index]!)) items.push(sorted[index]!);
    }
    const more = items.length === maxResults && anyMatchFrom(sorted, index, matches);
    const page: ListPage<StoredMessage> = { items, resultSizeEstimate: this.#estimate(filter, matches) };
    if (more) page.nextPageToken = encodeMessageToken(items[items.length - 1]!);
    return page;
  }

  threads(filter: ListFilter, maxResults: number, pageToken?: string): ListPage<string> {
    const matches = this.#predicate(filter);
    const ordered: string[] = [];
    const seen = new Set<string>();
    for (const message of this.#mailbox.sortedMessages()) {
      if (!seen.has(message.threadId) && matches(message)) {
        seen.add(message.threadId);
        ordered.push(message.threadId);
      }
    }
    let start = 0;
    if (pageToken !== undefined) {
      const last = decodeThreadToken(pageToken);
      start = ordered.indexOf(last) + 1;
    }
    const items = ordered.slice(start, start + maxResults);
    const page: ListPage<string> = {
      items,
      resultSizeEstimate: this.#blur(`t:${JSON.stringify(filter)}`, ordered.length),
    };
    if (start + maxResults < ordered.length) page.nextPageToken = encodeToken(`t:${items[items.length - 1]}`);
    return page;
  }

  labelCounts(labelId: string): LabelCounts {
    let messagesTotal = 0;
    let messagesUnread = 0;
    const threads = new Set<string>();
    const unreadThreads = new Set<string>();
    for (const message of this.#mailbox.sortedMessages()) {
      if (!message.labelIds.includes(labelId)) continue;
      messagesTotal++;
      threads.add(message.threadId);
      if (message.labelIds.includes('UNREAD')) {
        messagesUnread++;
        unreadThreads.add(message.threadId);
      }
    }
    return { messagesTotal, messagesUnread, threadsTotal: threads.size, threadsUnread: unreadThreads.size };
  }

  #predicate(filter: ListFilter): (message: StoredMessage) => boolean {
    for (const label of filter.labelIds) {
      if (this.#mailbox.labels.get(label) === undefined) throw invalidArgument(`Invalid label: ${label}`);
    }
    const query =
      filter.q === undefined || filter.q.trim() === ''
        ? undefined
        : compileQuery(filter.q, {
            labels: this.#mailbox.labels,
            now: this.#clock.now(),
            user: this.#mailbox.emailAddress,
          });
    const hidden = filter.includeSpamTrash
      ? []
      : ['SPAM', 'TRASH'].filter((l) => !filter.labelIds.includes(l) && !(query?.reveals.has(l) ?? false));
    return (message) =>
      filter.labelIds.every((label) => message.labelIds.includes(label)) &&
      !hidden.some((label) => message.labelIds.includes(label)) &&
      (query === undefined || query.matches(message));
  }

  #estimate(filter: ListFilter, matches: (message: StoredMessage) => boolean): number {
    const key = JSON.stringify(filter);
    const cached = this.#estimates.get(key);
    if (cached !== undefined && cached.version === this.#mailbox.version) return cached.count;
    let count = 0;
    for (const message of this.#mailbox.sortedMessages()) if (matches(message)) count++;
    const estimate = this.#blur(key, count);
    // A query may depend on the clock (newer_than:), so only plain filters are remembered.
    if (filter.q !== undefined) return estimate;
    if (this.#estimates.size > 64) this.#estimates.clear();
    this.#estimates.set(key, { version: this.#mailbox.version, count: estimate });
    return estimate;
  }

  /** The count moved by 5–25 % (at least 1) up or down, the same for the same filter and seed; 0 stays 0. */
  #blur(key: string, count: number): number {
    if (count === 0) return 0;
    const draw = createRandom(this.#seed ^ hashText(key));
    const offset = Math.max(1, Math.round(count * (0.05 + 0.2 * draw.next())));
    return draw.next() < 0.5 || count - offset < 1 ? count + offset : count - offset;
  }
}

function hashText(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

function anyMatchFrom(
  sorted: readonly StoredMessage[],
  start: number,
  matches: (message: StoredMessage) => boolean,
): boolean {
  for (let index = start; index < sorted.length; index++) if (matches(sorted[index]!)) return true;
  return false;
}

interface MessageCursor {
  internalDate: number;
  id: string;
}

function encodeToken(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function encodeMessageToken(message: StoredMessage): string {
  return encodeToken(`m:${message.internalDate}:${message.id}`);
}

function decodeMessageToken(token: string): MessageCursor {
  const match = /^m:(-?\d+):([0-9a-f]{16})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null) throw invalidArgument('Invalid pageToken');
  return { internalDate: Number(match[1]), id: match[2]! };
}

function decodeThreadToken(token: string): string {
  const match = /^t:([0-9a-f]{16})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null) throw invalidArgument('Invalid pageToken');
  return match[1]!;
}

/** The first index strictly after the cursor in newest-first order (stable when messages come and go). */
function positionAfter(sorted: readonly StoredMessage[], cursor: MessageCursor): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const m = sorted[mid]!;
    const before =
      m.internalDate > cursor.internalDate || (m.internalDate === cursor.internalDate && m.id >= cursor.id);
    if (before) low = mid + 1;
    else high = mid;
  }
  return low;
}
