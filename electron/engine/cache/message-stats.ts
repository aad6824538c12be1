import type { AccountCacheStats, CacheStats } from '../../../shared/analytics-types.ts';

export type { AccountCacheStats, CacheStats };

/** One account's row of the stats query (message-statements.ts). */
export interface StatsRow {
  account_id: number;
  count: number;
  bytes: number;
  oldest: number | null;
  newest: number | null;
}

/** Totals over the per-account rows of the stats query. */
export function summarise(rows: readonly StatsRow[]): CacheStats {
  const perAccount = rows.map((row) => ({
    accountId: row.account_id,
    count: row.count,
    bytes: row.bytes,
    oldest: row.oldest,
    newest: row.newest,
  }));
  const known = (pick: 'oldest' | 'newest') =>
    perAccount.map((row) => row[pick]).filter((time): time is number => time !== null);
  const oldest = known('oldest');
  const newest = known('newest');
  return {
    count: perAccount.reduce((sum, row) => sum + row.count, 0),
    bytes: perAccount.reduce((sum, row) => sum + row.bytes, 0),
    oldest: oldest.length > 0 ? Math.min(...oldest) : null,
    newest: newest.length > 0 ? Math.max(...newest) : null,
    perAccount,
  };
}
