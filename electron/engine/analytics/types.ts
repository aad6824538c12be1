import type { RangeAnchor, RangePreset, WorkingHours } from '../../../shared/domain.ts';
import type { DerivedFacts, MessageFacts } from '../mail/types.ts';

/** One stored message as the analytics read it: the mail model's facts, its derivations, and where it is stored. */
export type AnalyticsMessage = MessageFacts & DerivedFacts & { rowId: number; accountId: number };

/** A preset, or whole local days `YYYY-MM-DD..YYYY-MM-DD` (both ends inclusive). */
export type RangeSpec = RangePreset | `${string}..${string}`;

/** One account of a report: its id and its identities (the address first, then confirmed aliases). */
export interface ReportAccount {
  id: number;
  address: string;
  identities: string[];
  provider: 'gmail' | 'import' | 'demo';
  /** Gmail's total less spam and trash while those are off; null (or absent) for files and before a sync. */
  mailboxTotal?: number | null;
  /** When the account last synced (ISO); null (or absent) for files. */
  lastSync?: string | null;
}

export interface ReportInput {
  messages: AnalyticsMessage[];
  /** The accounts whose messages are given; for one account the report is labelled with its address, else "all". */
  accounts: ReportAccount[];
  /** IANA zone of the report's days, weeks and hours. */
  timeZone: string;
  /** The report's as-of instant, ms since the epoch. */
  asOf: number;
  range: RangeSpec;
  /** What a preset counts back from (time/anchor.ts); absent = `now`. */
  anchor?: RangeAnchor;
  workingHours?: WorkingHours;
  /**
   * The as-of instant the stored thread keys were derived with. When some message is dated under
   * one as-of and undated under the other, threads are re-derived for the report; when unknown
   * (null or absent) they are always re-derived.
   */
  threadsDerivedAsOf?: number | null;
  /** Whether SPAM and TRASH count (the account setting); used when threads are re-derived. */
  countSpamTrash?: boolean;
}

/** A resolved half-open range [from, to) of instants. */
export interface ResolvedRange {
  preset: RangePreset | 'custom';
  /** -Infinity for `all`. */
  from: number;
  to: number;
  /** The custom range as given, for custom ranges only. */
  days: string | null;
}
