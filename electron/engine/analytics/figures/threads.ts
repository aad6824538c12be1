import type { ThreadSummary, Threads } from '../../../../shared/report-types.ts';
import { compareCodePoints, medianOfSorted, percentileOfSorted, sortCounts } from '../numbers.ts';
import { type Dataset, textsAt } from '../prepare.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const threadsDefinition =
  "Threads with at least one counted dated message in the range. Length = its counted dated messages in the range; participants = the distinct contacts among those messages' senders and recipients. Median (two middle values for an even count) and nearest-rank 90th percentile of length, median participants, and the 10 longest threads (ties by thread key).";

const LONGEST_COUNT = 10;

/** Thread t's messages in the range: positions [start, end) of data.threads.members (one slice, threads being in time order). */
export function threadInRange(data: Dataset, t: number, range: ResolvedRange): [number, number] {
  return [
    data.threads.firstAtOrAfter(t, range.from, data.time),
    data.threads.firstAtOrAfter(t, range.to, data.time),
  ];
}

/**
 * Distinct contacts among the senders and recipients of members[from, to). `seenIn[id]` holds the
 * stamp of the last thread that counted contact `id`, so no set is built per thread.
 */
function participantsOf(data: Dataset, from: number, to: number, seenIn: Int32Array, stamp: number): number {
  const { members } = data.threads;
  const { pool, start, length } = data.recipients;
  let count = 0;
  for (let position = from; position < to; position++) {
    const i = members[position]!;
    const sender = data.contact[i]!;
    if (sender >= 0 && seenIn[sender] !== stamp) {
      seenIn[sender] = stamp;
      count++;
    }
    for (let k = start[i]!, end = k + length[i]!; k < end; k++) {
      const id = pool[k]!;
      if (seenIn[id] !== stamp) {
        seenIn[id] = stamp;
        count++;
      }
    }
  }
  return count;
}

/** Figure 11. */
export function computeThreads(data: Dataset, range: ResolvedRange): Threads {
  const { keys: threadKeys, members } = data.threads;
  const keys: string[] = [];
  const firsts: number[] = [];
  const lengths: number[] = [];
  const participants: number[] = [];
  const seenIn = new Int32Array(data.contacts.size).fill(-1);
  for (let t = 0; t < threadKeys.length; t++) {
    const [from, to] = threadInRange(data, t, range);
    if (to === from) continue;
    participants.push(participantsOf(data, from, to, seenIn, keys.length));
    keys.push(threadKeys[t]!);
    firsts.push(from);
    lengths.push(to - from);
  }
  const sortedLengths = sortCounts(lengths);
  // Only threads at least as long as the 10th longest can be among the 10 longest.
  const threshold = sortedLengths[Math.max(0, sortedLengths.length - LONGEST_COUNT)] ?? 0;
  const candidates: number[] = [];
  for (let i = 0; i < lengths.length; i++) if (lengths[i]! >= threshold) candidates.push(i);
  const longest: ThreadSummary[] = candidates
    .sort((a, b) => lengths[b]! - lengths[a]! || compareCodePoints(keys[a]!, keys[b]!))
    .slice(0, LONGEST_COUNT)
    .map((i) => {
      const first = members[firsts[i]!]!;
      const last = members[firsts[i]! + lengths[i]! - 1]!;
      return {
        thread: keys[i]!,
        subject: textsAt(data, first).subject,
        length: lengths[i]!,
        participants: participants[i]!,
        first: isoOf(data.time[first]!),
        last: isoOf(data.time[last]!),
      };
    });
  return {
    count: lengths.length,
    medianLength: medianOfSorted(sortedLengths),
    p90Length: percentileOfSorted(sortedLengths, 90),
    medianParticipants: medianOfSorted(sortCounts(participants)),
    longest,
  };
}
