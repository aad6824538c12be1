import type { Report } from '../../../shared/report-types.ts';
import { DEFINITIONS } from './definitions.ts';
import { computeAfterHours } from './figures/after-hours.ts';
import { awaitingThreads } from './figures/awaiting.ts';
import { computeBusiestTimes } from './figures/busiest-times.ts';
import { computeComparison, type headlines } from './figures/comparison.ts';
import { computeCoverage } from './figures/coverage.ts';
import { computeGoingQuiet } from './figures/going-quiet.ts';
import { computeLabels } from './figures/labels.ts';
import { computeNetwork } from './figures/network.ts';
import { computeNewsletters } from './figures/newsletters.ts';
import { computeRelationships, exchangesPerContact } from './figures/relationships.ts';
import { computeResponseTime } from './figures/response-time.ts';
import { computeThreads } from './figures/threads.ts';
import { computeTopDomains } from './figures/top-domains.ts';
import { computeTopRecipients } from './figures/top-recipients.ts';
import { computeTopSenders } from './figures/top-senders.ts';
import { computeVolume } from './figures/volume.ts';
import { computeWorkingHoursView } from './figures/working-hours.ts';
import { type Dataset, prepareDataset } from './prepare.ts';
import { resolveRange } from './time/ranges.ts';
import { isoOf } from './time/zone-clock.ts';
import type { ReportInput, ResolvedRange } from './types.ts';

/** The report's account label: the address for one account, "all" for the union. */
export function accountLabel(input: ReportInput): string {
  return input.accounts.length === 1 ? input.accounts[0]!.address.toLowerCase() : 'all';
}

/** Resolves the report's range and prepares its messages once (shared by the report and drill-downs). */
export function prepareReport(input: ReportInput): { data: Dataset; range: ResolvedRange } {
  const data = prepareDataset(input);
  return { data, range: datasetRange(data) };
}

/** The dataset's range, resolved in its zone from its basis. */
export function datasetRange(data: Dataset): ResolvedRange {
  const { at, anchor } = data.basis;
  return resolveRange(data.input.range, data.clock, at, anchor === 'newest');
}

/**
 * The whole report, pure: the stable core of docs/metrics.md "The JSON report" in its key order,
 * then the other figures (shared/report-types.ts). Every number follows the definition in DEFINITIONS.
 */
export function computeReport(input: ReportInput): Report {
  return reportOf(prepareDataset(input));
}

/** The whole report from prepared messages (prepare.ts datasetForRange shares one preparation between ranges). */
export function reportOf(data: Dataset): Report {
  const { input } = data;
  const range = datasetRange(data);
  const volume = computeVolume(data, range);
  const response = computeResponseTime(data, range);
  const awaiting = awaitingThreads(data, range).lists;
  const afterHours = computeAfterHours(data, range);
  const threads = computeThreads(data, range);
  const { labels, bytesBySender } = computeLabels(data, range);
  const exchanges = exchangesPerContact(data, range.from, range.to);
  const current = {
    sent: volume.sent,
    received: volume.received,
    uniqueCorrespondents: volume.uniqueCorrespondents,
    myMedianMs: response.mine.medianMs,
    theirMedianMs: response.theirs.medianMs,
    afterHoursShare: afterHours.share,
    awaitingOnMe: awaiting.onMe.length,
  } satisfies ReturnType<typeof headlines>;
  return {
    account: accountLabel(input),
    timeZone: input.timeZone,
    asOf: isoOf(input.asOf),
    range: {
      preset: range.preset,
      from: Number.isFinite(range.from) ? isoOf(range.from) : null,
      to: isoOf(range.to),
      ...(range.days === null ? {} : { days: range.days }),
      anchor: data.basis.anchor,
    },
    coverage: computeCoverage(data, range),
    volume,
    topSenders: computeTopSenders(data, range),
    topRecipients: computeTopRecipients(data, range),
    topDomains: computeTopDomains(data, range),
    busiestTimes: computeBusiestTimes(data, range),
    responseTime: response,
    threads,
    awaiting: {
      onMe: awaiting.onMe.length,
      onThem: awaiting.onThem.length,
      onMeList: awaiting.onMe,
      onThemList: awaiting.onThem,
    },
    afterHours,
    workingHours: computeWorkingHoursView(data, range),
    newsletters: computeNewsletters(data, range),
    labels,
    bytesBySender,
    relationships: computeRelationships(data, range, exchanges),
    goingQuiet: computeGoingQuiet(data, range),
    network: computeNetwork(data, range, exchanges),
    comparison: computeComparison(data, current),
    definitions: DEFINITIONS,
  } satisfies Report;
}
