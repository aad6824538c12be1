import type {
  ContactResponse,
  ResponseStats,
  ResponseTime,
  ResponseTimeSummary,
  WeeklyMedian,
} from '../../../../shared/report-types.ts';
import { bucketOf, nullableRound, shareOf } from '../numbers.ts';
import { groupByKey, medianAndP90, medianOf } from '../order-statistics.ts';
import type { Dataset } from '../prepare.ts';
import { contactsOfPairs, delaysOf, pairsInRange, type ReplyPairs } from '../reply-walk.ts';
import { dateOfDay, HOUR_MS, weekStartOfDay } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const myResponseDefinition =
  'How long you take to answer. In each thread (all its counted dated messages in time order; ties: received before sent, then storage order), a received, non-automated message from a contact starts a wait if none is open; your next non-automated sent message ends it. Delay = sent time − start time; pairs with delay ≤ 0 are dropped; a pair counts in the range holding your reply. Median = the middle delay (for an even count, the mean of the two middle ones); 90th percentile = nearest rank (the delay at rank ⌈0.9 × count⌉); mean = the average of all delays; under 1 h = the share of delays below 3,600,000 ms; durations are rounded to whole milliseconds, half up. Buckets are [0, 1 h), [1 h, 4 h), [4 h, 24 h), [1 d, 3 d), [3 d, 7 d), [7 d, ∞). Weekly = the median per local week (Monday first) of the replies.';

export const theirResponseDefinition =
  'How long contacts take to answer you. In the same walk, your non-automated sent message starts a wait if none is open; the next received, non-automated message from a contact ends it (that contact answered). Same statistics as your response time, overall and per contact (the 50 contacts who answered most).';

/** The statistics of some delays (in any order): counts and sums in one pass, the ranks by selection (order-statistics.ts). */
export function delayStats(delays: Float64Array): ResponseTimeSummary {
  const buckets = [0, 0, 0, 0, 0, 0];
  let within = 0;
  let sum = 0;
  for (let k = 0; k < delays.length; k++) {
    const delay = delays[k]!;
    buckets[bucketOf(delay)]!++;
    if (delay < HOUR_MS) within++;
    sum += delay;
  }
  const count = delays.length;
  const { median, p90 } = medianAndP90(delays.slice());
  return {
    count,
    medianMs: nullableRound(median),
    p90Ms: nullableRound(p90),
    meanMs: count === 0 ? null : nullableRound(sum / count),
    within1hShare: shareOf(within, count),
    buckets,
  };
}

/** Median delay per local ISO week of the closing message, over the pairs `inside` (with their `delays`), weeks in order. */
export function weeklyMedians(
  data: Dataset,
  pairs: ReplyPairs,
  inside: Int32Array,
  delays: Float64Array,
): WeeklyMedian[] {
  if (inside.length === 0) return [];
  // Each pair's week as a slot number counted from the first week, so the weeks group by counting.
  const slot = new Int32Array(inside.length);
  let firstWeek = Number.POSITIVE_INFINITY;
  let lastWeek = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < inside.length; j++) {
    const week = weekStartOfDay(data.day[pairs.closing[inside[j]!]!]!);
    slot[j] = week;
    if (week < firstWeek) firstWeek = week;
    if (week > lastWeek) lastWeek = week;
  }
  for (let j = 0; j < slot.length; j++) slot[j] = (slot[j]! - firstWeek) / 7;
  const weeks = (lastWeek - firstWeek) / 7 + 1;
  const { start, values } = groupByKey(slot, delays, weeks);
  const medians: WeeklyMedian[] = [];
  for (let w = 0; w < weeks; w++) {
    const count = start[w + 1]! - start[w]!;
    if (count === 0) continue;
    medians.push({
      week: dateOfDay(firstWeek + 7 * w),
      count,
      medianMs: nullableRound(medianOf(values, start[w]!, start[w + 1]!)),
    });
  }
  return medians;
}

/** The statistics of the pairs `inside` with their `delays` (the real ones, or in working time). */
export function responseStats(
  data: Dataset,
  pairs: ReplyPairs,
  inside: Int32Array,
  delays: Float64Array,
): ResponseStats {
  return { ...delayStats(delays), weekly: weeklyMedians(data, pairs, inside, delays) };
}

/** Figure 7 per contact: the TOP_LIMIT contacts who answered most, by count, then address. */
function byContact(data: Dataset, inside: Int32Array, delays: Float64Array): ContactResponse[] {
  const { start, values } = groupByKey(contactsOfPairs(data.theirs, inside), delays, data.contacts.size);
  const counts = new Int32Array(data.contacts.size);
  for (let id = 0; id < counts.length; id++) counts[id] = start[id + 1]! - start[id]!;
  return data.contacts.top(counts, TOP_LIMIT).map((id) => ({
    address: data.contacts.address(id),
    ...delayStats(values.subarray(start[id]!, start[id + 1]!)),
  }));
}

/** Figures 6 and 7, with figure 7 per contact (top 50 contacts by number of answers). */
export function computeResponseTime(data: Dataset, range: ResolvedRange): ResponseTime {
  const mine = pairsInRange(data.mine, range.from, range.to);
  const theirs = pairsInRange(data.theirs, range.from, range.to);
  const theirDelays = delaysOf(data.theirs, theirs);
  return {
    mine: responseStats(data, data.mine, mine, delaysOf(data.mine, mine)),
    theirs: {
      ...responseStats(data, data.theirs, theirs, theirDelays),
      byContact: byContact(data, theirs, theirDelays),
    },
  };
}
