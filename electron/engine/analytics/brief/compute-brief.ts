/**
 * The Brief (docs/metrics.md "The Brief"), pure: one dataset prepared as for the dashboard's
 * default range — the last 30 days, anchored `auto` unless asked otherwise — and each section read
 * from it as of A, the earlier of that range's end and the as-of time. "New since the last brief"
 * depends on what was delivered before, not on the mail, so it is filled in when the Brief is
 * answered (new-since.ts): this result is what the analytics cache keeps.
 */
import type { Brief, BriefCoverage } from '../../../../shared/brief-types.ts';
import { storedCoverage } from '../figures/coverage-accounts.ts';
import { computeGoingQuiet } from '../figures/going-quiet.ts';
import { type Dataset, prepareDataset } from '../prepare.ts';
import { accountLabel, datasetRange } from '../report.ts';
import { awaitingInstant } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ReportInput } from '../types.ts';
import { BRIEF_DEFINITIONS } from './definitions.ts';
import { neverReadSection } from './never-read.ts';
import { replyTimeSection } from './reply-time.ts';
import { waitingSections } from './waiting.ts';

/** The range the Brief stands on: the dashboard's default, "30 days". */
export const BRIEF_RANGE = '30';

/** A report input without a range: the Brief brings its own. */
export type BriefInput = Omit<ReportInput, 'range'>;

function coverageSection(data: Dataset): BriefCoverage {
  const stored = storedCoverage(data);
  return {
    messages: data.count,
    first: Number.isFinite(data.oldest) ? isoOf(data.oldest) : null,
    last: Number.isFinite(data.newest) ? isoOf(data.newest) : null,
    stored: stored.stored,
    mailboxTotal: stored.mailboxTotal,
    shareSynced: stored.shareSynced,
    lastSync: stored.lastSync,
    accounts: stored.accounts,
  };
}

export function computeBrief(input: BriefInput): Brief {
  return briefOf(prepareDataset({ ...input, range: BRIEF_RANGE, anchor: input.anchor ?? 'auto' }));
}

/** The Brief from messages prepared for its range (BRIEF_RANGE and its anchor). */
export function briefOf(data: Dataset): Brief {
  const { input } = data;
  const range = datasetRange(data);
  const at = awaitingInstant(range, data.asOf);
  const waiting = waitingSections(data, range);
  return {
    account: accountLabel(input),
    timeZone: input.timeZone,
    asOf: isoOf(input.asOf),
    at: isoOf(at),
    anchor: data.basis.anchor,
    waitingOnYou: { ...waiting.onYou, newSinceLastBrief: waiting.onYou.count, lastBriefAt: null },
    waitingOnThem: waiting.onThem,
    goingQuiet: computeGoingQuiet(data, range),
    replyTime: replyTimeSection(data),
    newsletters: neverReadSection(data, { ...range, to: at }),
    coverage: coverageSection(data),
    definitions: BRIEF_DEFINITIONS,
  };
}
