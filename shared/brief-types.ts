/**
 * The Brief, declared once (docs/metrics.md "The Brief"): what waits on you and on them, who went
 * quiet, your reply time this week against the four weeks before, the newsletters you never read
 * and the coverage, as the engine computes it and as the dashboard, `brief digest` and the tray
 * read it. Times are ISO 8601 UTC strings, durations integer milliseconds; an empty figure is null.
 */
import type { AccountCoverage, QuietContact } from './report-types.ts';

/**
 * The Brief's format, part of its analytics cache keys: bump it when a section's shape or a
 * definition text changes, so a Brief stored by an older version is never served as this type.
 */
export const BRIEF_FORMAT = 1;

/** One thread waiting on you or on them: its last message, and where to open it. */
export interface BriefThread {
  /** The thread's key, as the report and its drill-down know it (`<account id>:<key>` for all accounts). */
  thread: string;
  accountId: number;
  subject: string | null;
  /** The sender of the last message (waiting on you) or its first recipient (waiting on them). */
  correspondent: string | null;
  last: string;
  ageMs: number;
  /** The last message in Gmail, for synced mail; null for imported mail (open the drill-down instead). */
  gmailLink: string | null;
  /** Not on the last brief's list of its account (waiting on you only; always false on them). */
  isNew: boolean;
}

export interface BriefWaiting {
  count: number;
  /** The oldest thread's age; null when none waits. */
  oldestAgeMs: number | null;
  /** Oldest first. */
  threads: BriefThread[];
}

export interface BriefWaitingOnYou extends BriefWaiting {
  /** Threads not on the last brief's list of their account (all of them for an account never briefed). */
  newSinceLastBrief: number;
  /** When the last brief of these accounts was taken (the least recent of them); null when none was. */
  lastBriefAt: string | null;
}

/** A span of local days and the median of your reply delays whose reply falls in it. */
export interface ReplyPeriod {
  from: string;
  to: string;
  count: number;
  medianMs: number | null;
}

export const REPLY_VERDICTS = ['faster', 'usual', 'slower', 'no-replies', 'no-baseline'] as const;
export type ReplyVerdict = (typeof REPLY_VERDICTS)[number];

export interface BriefReplyTime {
  thisWeek: ReplyPeriod;
  previousFourWeeks: ReplyPeriod;
  /** This week's median ÷ the previous four weeks'; null when either is empty. */
  ratio: number | null;
  verdict: ReplyVerdict;
}

export interface NeverReadSender {
  address: string;
  count: number;
  last: string;
  /** The List-Unsubscribe target: an https: link, else a mailto:; null when the sender gave none. */
  unsubscribe: string | null;
}

export interface BriefNewsletters {
  /** The 30 days the Brief looks at (the dashboard's default range, anchored the same way). */
  from: string;
  to: string;
  /** Whether any of the accounts has read state (UNREAD labels): imported files usually have none. */
  readStateKnown: boolean;
  senders: NeverReadSender[];
}

export interface BriefCoverage {
  /** Counted messages, all time, and the first and last time of a counted dated one. */
  messages: number;
  first: string | null;
  last: string | null;
  stored: number;
  /** The synced accounts summed, as in the report's coverage; null when none is synced. */
  mailboxTotal: number | null;
  shareSynced: number | null;
  lastSync: string | null;
  accounts: AccountCoverage[];
}

/** The sections that carry a one-sentence "how is this computed?"; each is an anchor of docs/metrics.md. */
export const BRIEF_DEFINITION_KEYS = [
  'brief',
  'briefWaitingOnYou',
  'briefNewSince',
  'briefWaitingOnThem',
  'briefGoingQuiet',
  'briefReplyTime',
  'briefNewsletters',
  'briefCoverage',
] as const;
export type BriefDefinitionKey = (typeof BRIEF_DEFINITION_KEYS)[number];
export type BriefDefinitions = Record<BriefDefinitionKey, string>;

export interface Brief {
  account: string;
  timeZone: string;
  /** The as-of instant T (now, unless asked as of another time). */
  asOf: string;
  /** A, the instant the Brief is taken at: T, or the midnight after the newest message's day when anchored. */
  at: string;
  anchor: 'now' | 'newest';
  waitingOnYou: BriefWaitingOnYou;
  waitingOnThem: BriefWaiting;
  goingQuiet: QuietContact[];
  replyTime: BriefReplyTime;
  newsletters: BriefNewsletters;
  coverage: BriefCoverage;
  definitions: BriefDefinitions;
}

export interface BriefEnvelope {
  brief: Brief;
  /** As for reports: answered from a cache entry whose data moved or whose TTL passed; a fresh one follows. */
  stale: boolean;
  fromCache: boolean;
  computedAt: string;
  cacheKey: string;
}

export const DIGEST_FORMATS = ['text', 'html', 'json'] as const;
export type DigestFormat = (typeof DIGEST_FORMATS)[number];

/** The Brief as a file: the same content as the view, for a terminal, a printer or a mail. */
export interface Digest {
  format: DigestFormat;
  /** A file name to offer, such as `360brief-2026-05-04.html`. */
  fileName: string;
  mediaType: string;
  content: string;
}
