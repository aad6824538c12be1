import { type Change, type Comparison, HEADLINES, type Headline } from '../../../../shared/report-types.ts';
import type { Dataset } from '../prepare.ts';
import { delaysOf, pairsInRange, type ReplyPairs } from '../reply-walk.ts';
import { previousRange } from '../time/ranges.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { computeAfterHours } from './after-hours.ts';
import { awaitingOnMeCount } from './awaiting.ts';
import { previousHeadlines } from './previous-headlines.ts';
import { delayStats } from './response-time.ts';
import { computeVolume } from './volume.ts';

export const comparisonDefinition =
  'For every range but "all": the headline figures (sent, received, unique correspondents, your and their median response time, after-hours share, awaiting on you) also for the previous range of the same number of local days, with change = (now − before) ÷ before, empty when before is 0 or missing.';

/**
 * The median delay of one side's pairs closed in the range, as figures 6 and 7 give it, without
 * their weekly medians and per-contact statistics, which the comparison does not show.
 */
function medianDelay(pairs: ReplyPairs, range: ResolvedRange): number | null {
  return delayStats(delaysOf(pairs, pairsInRange(pairs, range.from, range.to))).medianMs;
}

/** The headline figures of one range. */
export function headlines(data: Dataset, range: ResolvedRange): Record<Headline, number | null> {
  const volume = computeVolume(data, range);
  return {
    sent: volume.sent,
    received: volume.received,
    uniqueCorrespondents: volume.uniqueCorrespondents,
    myMedianMs: medianDelay(data.mine, range),
    theirMedianMs: medianDelay(data.theirs, range),
    afterHoursShare: computeAfterHours(data, range).share,
    awaitingOnMe: awaitingOnMeCount(data, range),
  };
}

export function changeOf(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return (now - before) / before;
}

/** Figure 16: null for `all`. */
export function computeComparison(
  data: Dataset,
  current: Record<Headline, number | null>,
): Comparison | null {
  const previous = previousRange(data.input.range, data.clock, data.basis.at);
  if (previous === null) return null;
  const before = previousHeadlines(data, previous, () => headlines(data, previous));
  const figures = {} as Record<Headline, Change>;
  for (const key of HEADLINES) {
    figures[key] = { now: current[key], before: before[key], change: changeOf(current[key], before[key]) };
  }
  return { previous: { from: isoOf(previous.from), to: isoOf(previous.to), days: previous.days }, figures };
}
