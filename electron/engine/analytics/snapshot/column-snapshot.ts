import type { Store } from '../../db/store.ts';
import { readSnapshot, snapshotPath, writeSnapshot } from './file.ts';
import { type ColumnData, decodeColumns, encodeColumns } from './format.ts';
import { type LoadStamp, parseStamp, stampText } from './load-stamp.ts';

/**
 * The column snapshot of one set of accounts (docs/analytics.md "Column snapshot"): what a cold
 * report reads instead of scanning message_cache. Its stamp says which store and accounts and how
 * far into the change log it is; the loader brings it up to date (load-changes.ts) or, when its
 * identity no longer holds or the log no longer reaches back to it, reads the database.
 */
export class ColumnSnapshot {
  readonly #store: Store;
  readonly #path: string;

  private constructor(store: Store, path: string) {
    this.#store = store;
    this.#path = path;
  }

  /** The snapshot of the accounts' messages, or null for a database with no file (in memory). */
  static of(store: Store, accountIds: readonly number[]): ColumnSnapshot | null {
    const path = snapshotPath(store.path, accountIds);
    return path === null ? null : new ColumnSnapshot(store, path);
  }

  get databasePath(): string {
    return this.#store.path;
  }

  /** The snapshot's columns and stamp; null (logged) when there is none or it cannot be trusted. */
  restore(): { data: ColumnData; stamp: LoadStamp } | null {
    const bytes = readSnapshot(this.#path, this.#store.logger);
    if (bytes === null) return null;
    const decoded = decodeColumns(bytes);
    const stamp = typeof decoded === 'string' ? null : parseStamp(decoded.stamp);
    if (typeof decoded !== 'string' && stamp !== null) return { data: decoded.data, stamp };
    this.#store.logger.info('analytics column snapshot not used; reading the database', {
      path: this.#path,
      reason: typeof decoded === 'string' ? decoded : 'unreadable stamp',
    });
    return null;
  }

  /** Writes the columns read under `stamp` for the next cold start. */
  save(stamp: LoadStamp, data: ColumnData): void {
    writeSnapshot(this.#path, encodeColumns(data, stampText(stamp)), this.#store.logger);
  }

  /** Tells the log why a snapshot's columns were not brought up to date. */
  reject(reason: string): void {
    this.#store.logger.info('analytics column snapshot not used; reading the database', {
      path: this.#path,
      reason,
    });
  }
}
