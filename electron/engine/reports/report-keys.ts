/**
 * The analytics cache's key of a view (cache/analytics-key.ts) and the data version it is valid
 * for: what accounts, figures, range, as-of local date, zone and settings it was computed from.
 */
import { createHash } from 'node:crypto';
import { BRIEF_FORMAT } from '../../../shared/brief-types.ts';
import { REPORT_FORMAT } from '../../../shared/report-types.ts';
import type { StoredAccount } from '../cache/account-service.ts';
import { analyticsKey, combinedDataVersion } from '../cache/analytics-key.ts';
import { cacheRange, type ReportRange } from './report-range.ts';

export type ReportAccountRef = number | 'all';

/** Which view, of which accounts, in which zone, as of when. */
export interface ViewAt {
  account: ReportAccountRef;
  range: ReportRange;
  timeZone: string;
  asOf: number;
}

/** The cache key's figure set of each kind of view. */
export const FIGURE_SETS = { report: `report-${REPORT_FORMAT}`, brief: `brief-${BRIEF_FORMAT}` } as const;

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function localDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** The key of a figure set of `at` over these accounts (the view's), and their data version. */
export function cacheKeyOf(
  accounts: readonly StoredAccount[],
  { account, range, timeZone, asOf }: ViewAt,
  figureSet: string,
): { key: string; version: string } {
  const settings = accounts.map((row) => [row.id, row.settings.workingHours, row.settings.includeSpamTrash]);
  const settingsHash = createHash('sha1').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
  const key = analyticsKey({
    account,
    figureSet,
    range: cacheRange(range),
    asOf: localDate(asOf, timeZone),
    timeZone,
    settingsHash,
  });
  const version =
    account === 'all' ? combinedDataVersion(accounts) || 'none' : String(accounts[0]!.dataVersion);
  return { key, version };
}
