/**
 * Your reply time this week against the previous four weeks (docs/metrics.md "Your reply time
 * this week"): the medians of My response time over the last 7 local days of the Brief and the 28
 * before them, and a verdict in words.
 */
import type { BriefReplyTime, ReplyPeriod, ReplyVerdict } from '../../../../shared/brief-types.ts';
import { nullableRound } from '../numbers.ts';
import { medianOf } from '../order-statistics.ts';
import type { Dataset } from '../prepare.ts';
import { delaysOf, pairsInRange } from '../reply-walk.ts';
import { resolveRange } from '../time/ranges.ts';
import { isoOf } from '../time/zone-clock.ts';

/** Below this share of the usual median a week is faster than usual; above its inverse, slower. */
export const FASTER_BELOW = 0.8;
export const SLOWER_ABOVE = 1.25;

function period(data: Dataset, from: number, to: number): ReplyPeriod {
  const delays = delaysOf(data.mine, pairsInRange(data.mine, from, to));
  return {
    from: isoOf(from),
    to: isoOf(to),
    count: delays.length,
    // A copy: medianOf reorders, and the delays are shared with the range's other figures.
    medianMs: nullableRound(medianOf(delays.slice())),
  };
}

export function verdictOf(
  thisWeek: ReplyPeriod,
  before: ReplyPeriod,
): { ratio: number | null; verdict: ReplyVerdict } {
  if (thisWeek.medianMs === null) return { ratio: null, verdict: 'no-replies' };
  if (before.medianMs === null) return { ratio: null, verdict: 'no-baseline' };
  const ratio = thisWeek.medianMs / before.medianMs;
  const verdict = ratio < FASTER_BELOW ? 'faster' : ratio > SLOWER_ABOVE ? 'slower' : 'usual';
  return { ratio, verdict };
}

/** This week = the 7 local days ending with the Brief's day (the dashboard's "7 days"); then the 28 days before. */
export function replyTimeSection(data: Dataset): BriefReplyTime {
  const week = resolveRange('7', data.clock, data.basis.at);
  const fourWeeksBefore = data.clock.startOfDay(data.clock.dayOf(week.from) - 28);
  const thisWeek = period(data, week.from, week.to);
  const previousFourWeeks = period(data, fourWeeksBefore, week.from);
  return { thisWeek, previousFourWeeks, ...verdictOf(thisWeek, previousFourWeeks) };
}
