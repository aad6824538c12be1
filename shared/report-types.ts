/**
 * The report, declared once: every figure's result exactly as the engine's computeReport produces
 * it (`satisfies Report`) and as the CLI, the CSV export and the dashboard read it. The stable core
 * of docs/metrics.md "The JSON report" comes first in its key order; the further figures follow.
 * Times are ISO 8601 UTC strings, dates local `YYYY-MM-DD`, durations integer milliseconds, shares
 * fractions in [0, 1]; an empty figure is null, never 0.
 */
import type { RangePreset } from './domain.ts';

/**
 * The report's format. Bump it when a figure's shape or a definition text changes: the analytics
 * cache keys carry it, so a report stored by an older version is never served as this type.
 */
export const REPORT_FORMAT = 3;

/** One account of a report's coverage: what it is and how much of it is here. */
export interface AccountCoverage {
  address: string;
  /** Where its mail comes from: a Gmail sync, files imported, or the generated demo. */
  source: 'gmail' | 'import' | 'demo';
  /** Messages stored (what `brief accounts` lists), counted or not. */
  stored: number;
  /** Gmail's total less spam and trash while those are off; null until a sync read it, and for files. */
  mailboxTotal: number | null;
  shareSynced: number | null;
  lastSync: string | null;
}

/** Stored messages that no figure counts, each under its first reason in this order. */
export interface LeftOut {
  drafts: number;
  /** Spam and trash are left out only while the account's setting keeps them out. */
  spam: number;
  trash: number;
}

/**
 * Figure 17. `shareSynced`, `mailboxTotal` and `lastSync` are null for imported mail; for several
 * accounts they sum up the synced ones (the last sync is the least recent of them).
 */
export interface Coverage {
  messages: number;
  sent: number;
  received: number;
  undated: number;
  automated: number;
  first: string | null;
  last: string | null;
  mailboxTotal: number | null;
  lastSync: string | null;
  shareSynced: number | null;
  /** The first and last time of any counted dated message, whatever the range: where the mail is. */
  allTime: { first: string | null; last: string | null };
  /** Messages stored for the report's accounts: the counted ones (all time) plus `leftOut`. */
  stored: number;
  leftOut: LeftOut;
  accounts: AccountCoverage[];
}

export interface VolumeEntry {
  sent: number;
  received: number;
}

/** Figure 1. `byDay` runs from the first to the last dated message in the range, zeros included. */
export interface Volume {
  byDay: Array<{ date: string } & VolumeEntry>;
  uniqueCorrespondents: number;
  /** Keyed by the local date of the week's Monday. */
  byWeek: Array<{ week: string } & VolumeEntry>;
  /** Keyed `YYYY-MM`. */
  byMonth: Array<{ month: string } & VolumeEntry>;
  sent: number;
  received: number;
  automated: number;
  automatedShare: number | null;
}

/** Figure 2. */
export interface TopSender {
  address: string;
  name: string | null;
  count: number;
  last: string;
  automatedShare: number;
}

/** Figure 3. */
export interface TopRecipient {
  address: string;
  count: number;
  last: string;
}

/** Figure 4. */
export interface DomainCount {
  domain: string;
  count: number;
}

export interface TopDomains {
  senders: DomainCount[];
  recipients: DomainCount[];
}

/** 7 rows (Monday first) of 24 local hours. */
export type WeekMatrix = number[][];

/** Figure 5. */
export interface BusiestTimes {
  sent: WeekMatrix;
  received: WeekMatrix;
}

/** The statistics of a set of reply delays: `responseTime.mine` and `.theirs` in the stable core. */
export interface ResponseTimeSummary {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  meanMs: number | null;
  within1hShare: number | null;
  /** Pairs per delay bucket: [0, 1 h), [1 h, 4 h), [4 h, 24 h), [1 d, 3 d), [3 d, 7 d), [7 d, ∞). */
  buckets: number[];
}

export interface WeeklyMedian {
  /** The local date of the week's Monday. */
  week: string;
  count: number;
  medianMs: number | null;
}

export type ResponseStats = ResponseTimeSummary & { weekly: WeeklyMedian[] };

/** Figure 7 for one contact: how quickly they answered you. */
export type ContactResponse = { address: string } & ResponseTimeSummary;

/** Figures 6 and 7. */
export interface ResponseTime {
  mine: ResponseStats;
  theirs: ResponseStats & { byContact: ContactResponse[] };
}

/** Figure 8: the working hours used (ISO weekdays, Monday = 1; local `HH:MM`) and the same pairs in working time. */
export interface WorkingHoursView {
  hours: { days: number[]; start: string; end: string };
  mine: ResponseStats;
  theirs: ResponseStats;
}

/** Figure 9. */
export interface AfterHours {
  share: number | null;
  weekendShare: number | null;
}

/** One thread waiting on you or on them (figure 10). */
export interface AwaitingThread {
  thread: string;
  subject: string | null;
  correspondent: string | null;
  last: string;
  ageMs: number;
}

/** Figure 10: the counts of the stable core, then the lists, oldest first. */
export interface Awaiting {
  onMe: number;
  onThem: number;
  onMeList: AwaitingThread[];
  onThemList: AwaitingThread[];
}

export interface ThreadSummary {
  thread: string;
  subject: string | null;
  length: number;
  participants: number;
  first: string;
  last: string;
}

/** Figure 11. */
export interface Threads {
  count: number;
  medianLength: number | null;
  p90Length: number | null;
  medianParticipants: number | null;
  longest: ThreadSummary[];
}

/** Figure 12. `readShare` is null where the account has no unread labels. */
export interface Newsletter {
  address: string;
  count: number;
  readShare: number | null;
  last: string;
  unsubscribe: string | null;
  rarelyRead: boolean;
}

/** Figure 13. */
export interface LabelCount {
  label: string;
  count: number;
}

export interface SenderBytes {
  address: string;
  bytes: number;
  messages: number;
}

/** Figure 14, per contact. */
export interface Relationship {
  address: string;
  sentTo: number;
  receivedFrom: number;
  exchanges: number;
  balance: number;
  last: string;
  myMedianMs: number | null;
  theirMedianMs: number | null;
}

/** Figure 14, going quiet: exchanges in [A − 120 d, A − 30 d) and the last of them. */
export interface QuietContact {
  address: string;
  exchanges: number;
  last: string;
}

/** Figure 15. */
export interface Network {
  nodes: Array<{ address: string; exchanges: number }>;
  edges: Array<{ a: string; b: string; weight: number }>;
}

/** The headline figures compared with the previous range (docs/metrics.md "Comparison"), in display order. */
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

export interface Change {
  now: number | null;
  before: number | null;
  change: number | null;
}

/** Figure 16: the previous range of the same number of local days (custom days `from..to`). */
export interface Comparison {
  previous: { from: string; to: string; days: string };
  figures: Record<Headline, Change>;
}

/**
 * The figures that carry a "How is this computed?" text, in the report's `definitions`; each is
 * also an anchor of docs/metrics.md (`docs/metrics.md#responseTimeMine`).
 */
export const DEFINITION_KEYS = [
  'coverage',
  'volume',
  'topSenders',
  'topRecipients',
  'topDomains',
  'busiestTimes',
  'responseTimeMine',
  'responseTimeTheirs',
  'workingHours',
  'afterHours',
  'awaiting',
  'threads',
  'newsletters',
  'labels',
  'bytesBySender',
  'relationships',
  'goingQuiet',
  'network',
  'comparison',
] as const;
export type DefinitionKey = (typeof DEFINITION_KEYS)[number];
export type Definitions = Record<DefinitionKey, string>;

export interface ReportRange {
  preset: RangePreset | 'custom';
  /** null for `all`, which has no start. */
  from: string | null;
  to: string;
  /** The custom range as asked, `YYYY-MM-DD..YYYY-MM-DD`; present for custom ranges only. */
  days?: string;
  /**
   * What the preset counted back from: the as-of day (`now`), or the local day of the newest
   * counted message (`newest`, `coverage.allTime.last`); custom ranges are always `now`.
   */
  anchor: 'now' | 'newest';
}

/** The whole report, key order as printed by `brief report --json`. */
export interface Report {
  account: string;
  timeZone: string;
  asOf: string;
  range: ReportRange;
  coverage: Coverage;
  volume: Volume;
  topSenders: TopSender[];
  topRecipients: TopRecipient[];
  topDomains: TopDomains;
  busiestTimes: BusiestTimes;
  responseTime: ResponseTime;
  threads: Threads;
  awaiting: Awaiting;
  afterHours: AfterHours;
  workingHours: WorkingHoursView;
  newsletters: Newsletter[];
  labels: LabelCount[];
  bytesBySender: SenderBytes[];
  relationships: Relationship[];
  goingQuiet: QuietContact[];
  network: Network;
  /** null for `all`, which has no previous range. */
  comparison: Comparison | null;
  definitions: Definitions;
}
