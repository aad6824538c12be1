import type { AnalyticsReads } from '../../cache/analytics-reads.ts';
import type { Store } from '../../db/store.ts';
import { readSnapshot, snapshotPath, storeIdentity, writeSnapshot } from './file.ts';
import { type ColumnData, decodeColumns, encodeColumns } from './format.ts';

/**
 * The column snapshot of one set of accounts (docs/analytics.md "Column snapshot"): what a cold
 * report reads instead of scanning message_cache, when its stamp (the store file, each account's
 * identity, data version and derivation time) still matches the database.
 */
export class ColumnSnapshot {
  readonly #store: Store;
  readonly #reads: AnalyticsReads;
  readonly #path: string;

  private constructor(store: Store, reads: AnalyticsReads, path: string) {
    this.#store = store;
    this.#reads = reads;
    this.#path = path;
  }

  /** The snapshot of the accounts' messages, or null for a database with no file (in memory). */
  static of(store: Store, reads: AnalyticsReads, accountIds: readonly number[]): ColumnSnapshot | null {
    const path = snapshotPath(store.path, accountIds);
    return path === null ? null : new ColumnSnapshot(store, reads, path);
  }

  /**
   * What the database holds now, as a stamp; null when an account is gone. Read inside the read
   * transaction that reads the rows, so the stamp describes exactly the rows read.
   */
  stamp(): string | null {
    const accounts = this.#reads.snapshotStamp();
    return accounts === null ? null : `${storeIdentity(this.#store.path)} ${accounts}`;
  }

  /** The snapshot's columns when it matches the database now; null (logged) when it does not. */
  restore(): ColumnData | null {
    const bytes = readSnapshot(this.#path, this.#store.logger);
    if (bytes === null) return null;
    const stamp = this.#reads.snapshot(() => this.stamp());
    if (stamp === null) return null;
    const data = decodeColumns(bytes, stamp);
    if (typeof data !== 'string') return data;
    this.#store.logger.info('analytics column snapshot not used; reading the database', {
      path: this.#path,
      reason: data,
    });
    return null;
  }

  /** Writes the columns read under `stamp` for the next cold start. */
  save(stamp: string, data: ColumnData): void {
    writeSnapshot(this.#path, encodeColumns(data, stamp), this.#store.logger);
  }
}
