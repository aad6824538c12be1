import type { RangeAnchor, RangePreset } from '../../../shared/domain.ts';

/** What one computation depends on; each part is free of `|` (the ranges, dates and zones the contract accepts). */
export interface AnalyticsKeyParts {
  /** An account id, or 'all' for every account together. */
  account: number | 'all';
  /** Which figures (e.g. 'overview', 'senders'): a short lower-case name. */
  figureSet: string;
  range: { preset: RangePreset; anchor?: RangeAnchor } | { from: string; to: string };
  /** The as-of local date, YYYY-MM-DD. */
  asOf: string;
  /** An IANA time zone. */
  timeZone: string;
  /** Letters and digits. */
  settingsHash: string;
}

const KEY_PATTERN = /^a=(all|\d+)\|f=[^|]+\|r=[^|]+\|d=[^|]+\|z=[^|]+\|s=[^|]+$/;

/** One string per distinct computation: `a=<account>|f=<figures>|r=<range>|d=<as-of>|z=<zone>|s=<settings>`. */
export function analyticsKey(key: AnalyticsKeyParts): string {
  const range =
    'preset' in key.range
      ? `${key.range.preset}${key.range.anchor ? `@${key.range.anchor}` : ''}`
      : `${key.range.from}..${key.range.to}`;
  return `a=${key.account}|f=${key.figureSet}|r=${range}|d=${key.asOf}|z=${key.timeZone}|s=${key.settingsHash}`;
}

/** The account part of a key ('all' or the id as text); null when the string is not a key. */
export function accountKeyOf(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

/** The data version an 'all' figure depends on: every account's version, in id order. */
export function combinedDataVersion(accounts: ReadonlyArray<{ id: number; dataVersion: number }>): string {
  return [...accounts]
    .sort((a, b) => a.id - b.id)
    .map((account) => `${account.id}:${account.dataVersion}`)
    .join(',');
}
