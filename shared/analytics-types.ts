/**
 * What the analytics methods answer across the contract: the report's envelope (the report itself
 * is shared/report-types.ts), drill-down pages and cache statistics.
 */
import type { Report } from './report-types.ts';

export interface ReportEnvelope {
  report: Report;
  /** True when answered from a cache entry whose data version moved or whose TTL passed; a fresh one follows as `analytics-updated`. */
  stale: boolean;
  fromCache: boolean;
  computedAt: string;
  cacheKey: string;
}

export interface DrilldownMessage {
  rowId: number;
  accountId: number;
  providerId: string;
  /** ISO time, null when undated. */
  time: string | null;
  direction: 'sent' | 'received';
  sender: string | null;
  senderName: string | null;
  recipients: string[];
  subject: string | null;
  automated: boolean;
  labels: string[];
  /** Opens the message in Gmail; null for mail that has no Gmail id. */
  link: string | null;
}

export interface DrilldownPage {
  total: number;
  page: number;
  pageSize: number;
  messages: DrilldownMessage[];
}

export interface AnalyticsCacheStats {
  hits: number;
  misses: number;
  hitRate: number | null;
  entries: number;
  meanComputeMs: number | null;
  p95ComputeMs: number | null;
}

export interface AccountCacheStats {
  accountId: number;
  count: number;
  /** Sizes of the messages (Gmail's estimate or the bytes imported) plus stored raw data. */
  bytes: number;
  /** Message times, ms since the epoch. */
  oldest: number | null;
  newest: number | null;
}

export interface CacheStats extends Omit<AccountCacheStats, 'accountId'> {
  perAccount: AccountCacheStats[];
}
