import type { AnalyticsCacheStats } from '../../../shared/analytics-types.ts';
import { DEFAULTS } from '../../../shared/domain.ts';
import { BriefError } from '../../../shared/errors.ts';
import type { Store } from '../db/store.ts';
import { accountKeyOf } from './analytics-key.ts';

interface CacheRow {
  value: string;
  data_version: string;
  expires_at: string;
}

export interface CachedAnalytics<T> {
  value: T;
  /** The data moved on or the TTL passed: answer with it, and recompute in the background. */
  stale: boolean;
  hit: true;
}

export type { AnalyticsCacheStats };

const MAX_VALUE_BYTES = 16 * 1024 * 1024;

/**
 * Whether a JSON text is within MAX_VALUE_BYTES in UTF-8. A UTF-16 code unit is at most 3 bytes
 * of UTF-8, so a text of at most a third as many code units is, without counting: counting a
 * report at 1,000,000 messages (1.3 MB, two-byte once a subject is not Latin-1) cost the engine's
 * thread ≈ 3–4 ms of every view stored, on the way to `analytics-updated`.
 */
function withinValueLimit(json: string): boolean {
  return json.length <= MAX_VALUE_BYTES / 3 || Buffer.byteLength(json) <= MAX_VALUE_BYTES;
}

export function prepareAnalyticsStatements(store: Store) {
  return {
    get: store.prepare<CacheRow>('SELECT value, data_version, expires_at FROM analytics_cache WHERE key = ?'),
    hit: store.prepare(
      'UPDATE analytics_cache SET hit_count = hit_count + 1, last_hit_at = @now, updated_at = @now WHERE key = @key',
    ),
    set: store.prepare(
      `INSERT INTO analytics_cache (key, account_key, value, data_version, compute_ms, computed_at, expires_at,
         created_at, updated_at)
       VALUES (@key, @accountKey, @value, @dataVersion, @computeMs, @now, @expiresAt, @now, @now)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, data_version = excluded.data_version,
         compute_ms = excluded.compute_ms, computed_at = excluded.computed_at, expires_at = excluded.expires_at,
         updated_at = excluded.updated_at`,
    ),
    invalidateAccount: store.prepare('DELETE FROM analytics_cache WHERE account_key = ?'),
    invalidateAll: store.prepare('DELETE FROM analytics_cache'),
    computeTimes: store.prepare<{ compute_ms: number }>(
      'SELECT compute_ms FROM analytics_cache ORDER BY compute_ms',
    ),
  };
}

/**
 * Computed analytics by key, stale-while-revalidate: any stored value answers (marked stale when
 * its data version differs from the current one or its TTL passed). Hits and misses are counted
 * in memory for this session and on the row (hit count, last hit) across sessions.
 */
export class AnalyticsCacheService {
  readonly #store: Store;
  readonly #sql: ReturnType<typeof prepareAnalyticsStatements>;
  #hits = 0;
  #misses = 0;

  constructor(store: Store) {
    this.#store = store;
    this.#sql = prepareAnalyticsStatements(store);
  }

  get<T = unknown>(
    key: string,
    currentDataVersion: number | string,
    now: number = this.#store.clock(),
  ): CachedAnalytics<T> | null {
    const at = new Date(now).toISOString();
    const row = this.#sql.get.get(key);
    if (!row) {
      this.#misses += 1;
      return null;
    }
    this.#hits += 1;
    this.#sql.hit.run({ key, now: at });
    return {
      value: JSON.parse(row.value) as T,
      stale: row.data_version !== String(currentDataVersion) || row.expires_at <= at,
      hit: true,
    };
  }

  set(
    key: string,
    value: unknown,
    dataVersion: number | string,
    computeMs: number,
    ttlMs: number = DEFAULTS.analyticsTtlMs,
  ): void {
    this.setJson(key, JSON.stringify(value), dataVersion, computeMs, ttlMs);
  }

  /** As `set`, for a value already written as JSON (the analytics worker writes it off the engine's thread). */
  setJson(
    key: string,
    json: string | undefined,
    dataVersion: number | string,
    computeMs: number,
    ttlMs: number = DEFAULTS.analyticsTtlMs,
  ): void {
    const accountKey = accountKeyOf(key);
    if (accountKey === null)
      throw new BriefError('INTERNAL', `"${key.slice(0, 80)}" is not an analytics key.`);
    if (json === undefined || !withinValueLimit(json)) {
      throw new BriefError('VALIDATION', 'The analytics value must be JSON of at most 16 MB.');
    }
    const now = this.#store.clock();
    this.#sql.set.run({
      key,
      accountKey,
      value: json,
      dataVersion: String(dataVersion),
      computeMs,
      now: new Date(now).toISOString(),
      expiresAt: new Date(now + ttlMs).toISOString(),
    });
  }

  /** Drops the entries of one account key (an id or 'all'), or every entry. Returns how many. */
  invalidate(accountKey?: number | 'all'): number {
    if (accountKey === undefined) return this.#sql.invalidateAll.run().changes;
    return this.#sql.invalidateAccount.run(String(accountKey)).changes;
  }

  stats(): AnalyticsCacheStats {
    const times = this.#sql.computeTimes.all().map((row) => row.compute_ms);
    const asked = this.#hits + this.#misses;
    return {
      hits: this.#hits,
      misses: this.#misses,
      hitRate: asked === 0 ? null : this.#hits / asked,
      entries: times.length,
      meanComputeMs: times.length === 0 ? null : times.reduce((sum, ms) => sum + ms, 0) / times.length,
      p95ComputeMs: times.length === 0 ? null : times[Math.ceil(times.length * 0.95) - 1]!,
    };
  }
}
