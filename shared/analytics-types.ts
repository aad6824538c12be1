/**
 * Shapes the analytics answers carry across the contract. The report's stable core follows
 * METRICS.md "The JSON report" key for key; further figures ride along as extra keys.
 */
export interface ResponseTimeSummary {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  meanMs: number | null;
  within1hShare: number | null;
  buckets: number[];
}

export interface ReportCore {
  account: string;
  timeZone: string;
  asOf: string;
  range: { preset: string; from: string | null; to: string | null };
  coverage: {
    messages: number;
    sent: number;
    received: number;
    undated: number;
    automated: number;
    first: string | null;
    last: string | null;
    mailboxTotal: number | null;
    lastSync: string | null;
  };
  volume: { byDay: Array<{ date: string; sent: number; received: number }>; uniqueCorrespondents: number };
  topSenders: Array<{ address: string; name: string | null; count: number }>;
  topRecipients: Array<{ address: string; count: number }>;
  topDomains: {
    senders: Array<{ domain: string; count: number }>;
    recipients: Array<{ domain: string; count: number }>;
  };
  busiestTimes: { sent: number[][]; received: number[][] };
  responseTime: { mine: ResponseTimeSummary; theirs: ResponseTimeSummary };
  threads: { count: number; medianLength: number | null; p90Length: number | null };
  awaiting: { onMe: number; onThem: number };
  afterHours: { share: number | null; weekendShare: number | null };
}

/** The full report: the core plus every further figure (see electron/engine/analytics). */
export type Report = ReportCore & Record<string, unknown>;

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

/** The headline figures compared with the previous range (METRICS.md figure 16), in display order. */
export const HEADLINES = [
  'sent',
  'received',
  'uniqueCorrespondents',
  'myMedianMs',
  'theirMedianMs',
  'afterHoursShare',
  'awaitingOnMe',
] as const;
export type Headline = (typeof HEADLINES)[number];
