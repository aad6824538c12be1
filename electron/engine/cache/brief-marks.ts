/**
 * The last brief delivered per account (migrations/004_brief_marks.sql; docs/metrics.md "New since
 * the last brief"): read when a Brief is answered, written when one is delivered. The thread lists
 * are the engine's own output, but the column is read defensively: a damaged list counts as no mark.
 */
import { z } from 'zod';
import type { BriefMark } from '../analytics/brief/new-since.ts';
import type { Store } from '../db/store.ts';

const threadList = z.array(z.string().max(4096));

interface MarkRow {
  account_id: number;
  seen_at: string;
  threads: string;
}

function parseThreads(text: string): ReadonlySet<string> | null {
  try {
    const parsed = threadList.safeParse(JSON.parse(text));
    return parsed.success ? new Set(parsed.data) : null;
  } catch {
    return null;
  }
}

export class BriefMarkService {
  readonly #store: Store;
  readonly #select;
  readonly #upsert;

  constructor(store: Store) {
    this.#store = store;
    this.#select = store.prepare<MarkRow>(
      'SELECT account_id, seen_at, threads FROM brief_marks WHERE account_id = ?',
    );
    this.#upsert = store.prepare(
      `INSERT INTO brief_marks (account_id, seen_at, threads) VALUES (@accountId, @seenAt, @threads)
       ON CONFLICT (account_id) DO UPDATE SET seen_at = excluded.seen_at, threads = excluded.threads`,
    );
  }

  /** The marks of the accounts that have one (an unreadable one is left out, so its threads read as new). */
  get(accountIds: readonly number[]): Map<number, BriefMark> {
    const marks = new Map<number, BriefMark>();
    for (const id of accountIds) {
      const row = this.#select.get(id);
      const threads = row ? parseThreads(row.threads) : null;
      if (row && threads) marks.set(id, { seenAt: row.seen_at, threads });
    }
    return marks;
  }

  /** Replaces the marks of the given accounts, all in one transaction. */
  set(marks: ReadonlyMap<number, BriefMark>): void {
    this.#store.transaction(() => {
      for (const [accountId, mark] of marks) {
        this.#upsert.run({ accountId, seenAt: mark.seenAt, threads: JSON.stringify([...mark.threads]) });
      }
    });
  }
}
