import type {
  ResponseStats,
  ResponseTime,
  ResponseTimeSummary,
  WeeklyMedian,
} from '../../../../shared/report-types.ts';
import {
  bucketOf,
  byCountThenKey,
  meanOf,
  medianOfSorted,
  nullableRound,
  percentileOfSorted,
  shareOf,
  sortAscending,
} from '../numbers.ts';
import type { Dataset } from '../prepare.ts';
import { pairsInRange, type ReplyPairs } from '../reply-walk.ts';
import { dateOfDay, HOUR_MS, weekStartOfDay } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const myResponseDefinition =
  'How long you take to answer. In each thread (all its counted dated messages in time order; ties: received before sent, then storage order), a received, non-automated message from a contact starts a wait if none is open; your next non-automated sent message ends it. Delay = sent time − start time; pairs with delay ≤ 0 are dropped; a pair counts in the range holding your reply. Median = the middle delay (for an even count, the mean of the two middle ones); 90th percentile = nearest rank (the delay at rank ⌈0.9 × count⌉); mean = the average of all delays; under 1 h = the share of delays below 3,600,000 ms; durations are rounded to whole milliseconds, half up. Buckets are [0, 1 h), [1 h, 4 h), [4 h, 24 h), [1 d, 3 d), [3 d, 7 d), [7 d, ∞). Weekly = the median per local week (Monday first) of the replies.';

export const theirResponseDefinition =
  'How long contacts take to answer you. In the same walk, your non-automated sent message starts a wait if none is open; the next received, non-automated message from a contact ends it (that contact answered). Same statistics as your response time, overall and per contact (the 50 contacts who answered most).';

export function delayStats(delays: number[]): ResponseTimeSummary {
  const sorted = sortAscending(delays);
  const buckets = [0, 0, 0, 0, 0, 0];
  let within = 0;
  for (const delay of sorted) {
    buckets[bucketOf(delay)]!++;
    if (delay < HOUR_MS) within++;
  }
  return {
    count: sorted.length,
    medianMs: nullableRound(medianOfSorted(sorted)),
    p90Ms: nullableRound(percentileOfSorted(sorted, 90)),
    meanMs: nullableRound(meanOf(sorted)),
    within1hShare: shareOf(within, sorted.length),
    buckets,
  };
}

/** A delay per pair index: the real one, or the working time between the two messages. */
export type DelayOf = (k: number) => number;

/** Median delay per local ISO week of the closing message, over the pairs `inside` (with their `delays`). */
export function weeklyMedians(
  data: Dataset,
  pairs: ReplyPairs,
  inside: readonly number[],
  delays: readonly number[],
): WeeklyMedian[] {
  const weeks = new Map<number, number[]>();
  for (let j = 0; j < inside.length; j++) {
    const week = weekStartOfDay(data.day[pairs.closing[inside[j]!]!]!);
    const list = weeks.get(week);
    if (list) list.push(delays[j]!);
    else weeks.set(week, [delays[j]!]);
  }
  return [...weeks]
    .sort((a, b) => a[0] - b[0])
    .map(([week, delays]) => ({
      week: dateOfDay(week),
      count: delays.length,
      medianMs: nullableRound(medianOfSorted(sortAscending(delays))),
    }));
}

export function responseStats(
  data: Dataset,
  pairs: ReplyPairs,
  inside: readonly number[],
  delayOf: DelayOf,
): ResponseStats {
  const delays = inside.map((k) => delayOf(k));
  return { ...delayStats(delays), weekly: weeklyMedians(data, pairs, inside, delays) };
}

/** Figures 6 and 7, with figure 7 per contact (top 50 contacts by number of answers). */
export function computeResponseTime(data: Dataset, range: ResolvedRange): ResponseTime {
  const mine = pairsInRange(data.mine, range.from, range.to);
  const theirs = pairsInRange(data.theirs, range.from, range.to);
  const byContact = new Map<number, number[]>();
  for (const k of theirs) {
    const contact = data.theirs.contact[k]!;
    const list = byContact.get(contact);
    if (list) list.push(data.theirs.delay[k]!);
    else byContact.set(contact, [data.theirs.delay[k]!]);
  }
  const perContact = [...byContact]
    .map(([id, delays]) => ({ address: data.contacts.address(id), ...delayStats(delays) }))
    .sort(
      byCountThenKey(
        (c) => c.count,
        (c) => c.address,
      ),
    )
    .slice(0, TOP_LIMIT);
  return {
    mine: responseStats(data, data.mine, mine, (k) => data.mine.delay[k]!),
    theirs: {
      ...responseStats(data, data.theirs, theirs, (k) => data.theirs.delay[k]!),
      byContact: perContact,
    },
  };
}
