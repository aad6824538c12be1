/**
 * A damaged database at start is set aside, not deleted (someone may want to look at it), and a
 * fresh one takes its place: everything in it is a cache of mail that can be synced or imported
 * again. Only damage to a file that is ours is handled this way: ours by its header
 * (ownership.ts), or anything at the app's own path in its own folder (`appOwnsPath`); a database
 * from a newer 360Brief, or a file named by --db or BRIEF_DB that is not ours, is refused untouched.
 */
import { existsSync, renameSync } from 'node:fs';
import { BriefError } from '../../../shared/errors.ts';
import { type OpenOptions, openDatabase } from './open.ts';
import type { Store } from './store.ts';

export interface StoreRecovery {
  /** Where the damaged file now is. */
  setAsidePath: string;
  /** What was wrong, as a sentence. */
  reason: string;
  /** ISO time of the recovery. */
  at: string;
}

export function openDatabaseRecovering(
  path: string,
  options: OpenOptions = {},
): { store: Store; recovery: StoreRecovery | null } {
  try {
    return { store: openDatabase(path, options), recovery: null };
  } catch (error) {
    if (!(error instanceof BriefError) || error.code !== 'CORRUPT_STORE') throw error;
    const now = (options.clock ?? Date.now)();
    const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
    const setAsidePath = `${path}.damaged-${stamp}`;
    renameSync(path, setAsidePath);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, setAsidePath + suffix);
    }
    options.logger?.error('damaged database set aside', { setAsidePath, reason: error.message });
    return {
      // The damaged database existed: its fresh replacement is part of recovering, even for a read.
      store: openDatabase(path, { ...options, mustExist: false }),
      recovery: { setAsidePath, reason: error.message, at: new Date(now).toISOString() },
    };
  }
}
