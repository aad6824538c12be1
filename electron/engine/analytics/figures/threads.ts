import type { ThreadSummary, Threads } from '../../../../shared/report-types.ts';
import { compareCodePoints, medianOfSorted, percentileOfSorted, sortCounts } from '../numbers.ts';
import { type Dataset, textsAt } from '../prepare.ts';
import { threadsIn } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const threadsDefinition =
  "Threads with at least one counted dated message in the range. Length = its counted dated messages in the range; participants = the distinct contacts among those messages' senders and recipients. Median (two middle values for an even count) and nearest-rank 90th percentile of length, median participants, and the 10 longest threads (ties by thread key).";

const LONGEST_COUNT = 10;

/** Whether the range holds every dated message of the dataset (then each thread lies in it whole). */
function holdsAll(data: Dataset, range: ResolvedRange): boolean {
  return range.from <= data.oldest && range.to > data.newest;
}

/** Thread t's messages in the range: positions [start, end) of data.threads.members (one slice, threads being in time order). */
export function threadInRange(data: Dataset, t: number, range: ResolvedRange): [number, number] {
  if (holdsAll(data, range)) return [data.threads.start[t]!, data.threads.start[t + 1]!];
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
  const { count: threadCount, members, start } = data.threads;
  const whole = holdsAll(data, range);
  // Per thread in the range (n of them): its number, first position and length, and participants.
  const thread = new Int32Array(threadCount);
  const firsts = new Int32Array(threadCount);
  const lengths = new Int32Array(threadCount);
  const participants = new Int32Array(threadCount);
  let n = 0;
  const seenIn = new Int32Array(data.contacts.size).fill(-1);
  // The threads with a message in the range, in thread order (every thread when it holds them all).
  const touched = whole ? null : threadsIn(data, range.from, range.to);
  const total = touched === null ? threadCount : touched.length;
  for (let c = 0; c < total; c++) {
    const t = touched === null ? c : touched[c]!;
    const from = whole ? start[t]! : data.threads.firstAtOrAfter(t, range.from, data.time);
    const to = whole ? start[t + 1]! : data.threads.firstAtOrAfter(t, range.to, data.time);
    if (to === from) continue;
    participants[n] = participantsOf(data, from, to, seenIn, n);
    thread[n] = t;
    firsts[n] = from;
    lengths[n] = to - from;
    n++;
  }
  const sortedLengths = sortCounts(lengths.subarray(0, n));
  // Only threads at least as long as the 10th longest can be among the 10 longest.
  const threshold = sortedLengths[Math.max(0, n - LONGEST_COUNT)] ?? 0;
  const candidates: number[] = [];
  for (let k = 0; k < n; k++) if (lengths[k]! >= threshold) candidates.push(k);
  // Keys are made for the candidates only (thread-index.ts), once each, not per comparison.
  const keyOf = new Map(candidates.map((k) => [k, data.threads.key(thread[k]!)]));
  const longest: ThreadSummary[] = candidates
    .sort((a, b) => lengths[b]! - lengths[a]! || compareCodePoints(keyOf.get(a)!, keyOf.get(b)!))
    .slice(0, LONGEST_COUNT)
    .map((k) => {
      const first = members[firsts[k]!]!;
      const last = members[firsts[k]! + lengths[k]! - 1]!;
      return {
        thread: keyOf.get(k)!,
        subject: textsAt(data, first).subject,
        length: lengths[k]!,
        participants: participants[k]!,
        first: isoOf(data.time[first]!),
        last: isoOf(data.time[last]!),
      };
    });
  return {
    count: n,
    medianLength: medianOfSorted(sortedLengths),
    p90Length: percentileOfSorted(sortedLengths, 90),
    medianParticipants: medianOfSorted(sortCounts(participants.subarray(0, n))),
    longest,
  };
}
