import type BetterSqlite3 from 'better-sqlite3';
import type { Logger } from './logger.ts';
import { translateStorageError } from './storage-errors.ts';
import { type StatementTiming, TimedStatement } from './timed-statement.ts';

/**
 * An open 360Brief database: the connection plus what every service needs from it — the
 * injected clock, the logger, timed prepared statements and transactions.
 */
export class Store {
  readonly db: BetterSqlite3.Database;
  readonly path: string;
  readonly clock: () => number;
  readonly logger: Logger;
  readonly #timing: StatementTiming;

  constructor(db: BetterSqlite3.Database, path: string, clock: () => number, timing: StatementTiming) {
    this.db = db;
    this.path = path;
    this.clock = clock;
    this.logger = timing.logger;
    this.#timing = timing;
  }

  prepare<Row = unknown>(sql: string): TimedStatement<Row> {
    return new TimedStatement<Row>(this.db.prepare<unknown[], Row>(sql), this.#timing);
  }

  /** A timed statement whose rows come as arrays in column order: whole-table reads skip an object per row. */
  prepareRaw<Row extends unknown[]>(sql: string): TimedStatement<Row> {
    return new TimedStatement<Row>(this.db.prepare<unknown[], Row>(sql).raw(true), this.#timing);
  }

  /**
   * Runs `work` in one read transaction: every statement in it sees one snapshot of the file (WAL
   * lets writers go on meanwhile), so reads split into batches still describe one state.
   */
  read<T>(work: () => T): T {
    try {
      return this.db.transaction(work).deferred();
    } catch (error) {
      throw translateStorageError(error, this.path);
    }
  }

  /**
   * Runs `work` in one write transaction (nested calls become savepoints); any throw rolls it all
   * back. It takes the write lock up front (BEGIN IMMEDIATE), waiting up to the busy timeout for
   * another process's writer to finish: a deferred transaction that reads first and writes later
   * fails at once with SQLITE_BUSY(_SNAPSHOT) when another connection committed in between, since
   * waiting cannot make its older snapshot current.
   */
  transaction<T>(work: () => T): T {
    try {
      return this.db.transaction(work).immediate();
    } catch (error) {
      throw translateStorageError(error, this.path);
    }
  }

  /** The injected clock as the ISO 8601 UTC text the bookkeeping columns hold. */
  nowIso(offsetMs = 0): string {
    return new Date(this.clock() + offsetMs).toISOString();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
