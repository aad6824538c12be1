import { prepareMessageStatements } from '../cache/message-statements.ts';
import type { Store } from './store.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface CleanupOptions {
  /** 30 by default. */
  finishedJobsOlderThanDays?: number;
  /** Whole days of mail to keep (the app setting, at least 1); null or absent: keep everything. */
  retentionDays?: number | null;
}

export interface CleanupResult {
  jobs: number;
  analytics: number;
  messages: number;
}

/**
 * Removes finished jobs older than the given age, expired analytics, and (when a retention is
 * set) messages older than it. Accounts that lose messages get a new data version.
 */
export function cleanup(store: Store, options: CleanupOptions = {}): CleanupResult {
  const { finishedJobsOlderThanDays = 30, retentionDays = null } = options;
  const now = store.clock();
  return store.transaction(() => {
    const jobs = store
      .prepare(
        `DELETE FROM analytics_jobs WHERE finished_at IS NOT NULL AND finished_at < ?
           AND status IN ('completed', 'failed', 'cancelled')`,
      )
      .run(new Date(now - finishedJobsOlderThanDays * DAY_MS).toISOString()).changes;
    const analytics = store
      .prepare('DELETE FROM analytics_cache WHERE expires_at < ?')
      .run(new Date(now).toISOString()).changes;
    let messages = 0;
    if (retentionDays !== null) {
      const cutoff = now - retentionDays * DAY_MS;
      const accountIds = store.prepare<{ id: number }>('SELECT id FROM accounts').all();
      // The message cache's own statements (all of its SQL lives in cache/).
      const { deleteBefore, bumpVersion, forgetDerivation } = prepareMessageStatements(store);
      for (const { id } of accountIds) {
        const removed = deleteBefore.run(id, cutoff).changes;
        if (removed > 0) {
          bumpVersion.run({ id, now: new Date(now).toISOString() });
          // The sweep may cut through any thread: the next derivation covers the whole account.
          forgetDerivation.run(id);
        }
        messages += removed;
      }
    }
    return { jobs, analytics, messages };
  });
}
