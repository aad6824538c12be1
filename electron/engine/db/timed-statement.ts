import type BetterSqlite3 from 'better-sqlite3';
import type { Logger } from './logger.ts';
import { translateStorageError } from './storage-errors.ts';

export const SLOW_QUERY_MS = 40;

export interface StatementTiming {
  logger: Logger;
  /** Monotonic milliseconds; injected so tests can make a statement look slow. */
  timer: () => number;
  slowQueryMs: number;
  path: string;
}

/**
 * A prepared statement that logs itself when it takes longer than the slow-query threshold and
 * turns storage failures (corruption, disk full) into typed errors.
 */
export class TimedStatement<Row = unknown> {
  readonly #statement: BetterSqlite3.Statement<unknown[], Row>;
  readonly #timing: StatementTiming;

  constructor(statement: BetterSqlite3.Statement<unknown[], Row>, timing: StatementTiming) {
    this.#statement = statement;
    this.#timing = timing;
  }

  get source(): string {
    return this.#statement.source;
  }

  run(...params: unknown[]): BetterSqlite3.RunResult {
    return this.#timed(() => this.#statement.run(...params));
  }

  get(...params: unknown[]): Row | undefined {
    return this.#timed(() => this.#statement.get(...params));
  }

  all(...params: unknown[]): Row[] {
    return this.#timed(() => this.#statement.all(...params));
  }

  /** Streams rows; not timed, since the caller's work between rows would be counted too. */
  iterate(...params: unknown[]): IterableIterator<Row> {
    return this.#statement.iterate(...params);
  }

  #timed<T>(work: () => T): T {
    const started = this.#timing.timer();
    try {
      return work();
    } catch (error) {
      throw translateStorageError(error, this.#timing.path);
    } finally {
      const elapsed = this.#timing.timer() - started;
      if (elapsed > this.#timing.slowQueryMs) {
        this.#timing.logger.warn('slow query', {
          sql: this.#statement.source,
          ms: Math.round(elapsed * 10) / 10,
        });
      }
    }
  }
}
