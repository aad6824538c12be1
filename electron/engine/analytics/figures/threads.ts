import { compareCodePoints, medianOfSorted, percentileOfSorted, sortAscending } from '../numbers.ts';
import type { Dataset, PreparedMessage } from '../prepare.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const threadsDefinition =
  "Threads with at least one counted dated message in the range. Length = its counted dated messages in the range; participants = the distinct contacts among those messages' senders and recipients. Median (two middle values for an even count) and nearest-rank 90th percentile of length, median participants, and the 10 longest threads.";

const LONGEST_COUNT = 10;

export interface ThreadSummary {
  thread: string;
  subject: string | null;
  length: number;
  participants: number;
  first: string;
  last: string;
}

/** The first index of a time-ordered thread whose time is at or after `instant`. */
function firstAtOrAfter(thread: readonly PreparedMessage[], instant: number): number {
  let low = 0;
  let high = thread.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (thread[middle]!.time < instant) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A thread's messages in the range (threads are in time order, so the range is one slice). */
export function threadInRange(thread: PreparedMessage[], range: ResolvedRange): PreparedMessage[] {
  const start = firstAtOrAfter(thread, range.from);
  const end = firstAtOrAfter(thread, range.to);
  return start === 0 && end === thread.length ? thread : thread.slice(start, end);
}

/**
 * Distinct contacts among the messages' senders and recipients. `seenIn[id]` holds the stamp of
 * the last thread that counted contact `id`, so no set is built per thread.
 */
function participantsOf(messages: readonly PreparedMessage[], seenIn: Int32Array, stamp: number): number {
  let count = 0;
  for (const message of messages) {
    const sender = message.contactId;
    if (sender >= 0 && seenIn[sender] !== stamp) {
      seenIn[sender] = stamp;
      count++;
    }
    for (const id of message.recipientIds) {
      if (seenIn[id] !== stamp) {
        seenIn[id] = stamp;
        count++;
      }
    }
  }
  return count;
}

/** Figure 11. */
export function computeThreads(data: Dataset, range: ResolvedRange) {
  const keys: string[] = [];
  const slices: PreparedMessage[][] = [];
  const participants: number[] = [];
  const seenIn = new Int32Array(data.contacts.size).fill(-1);
  for (const [thread, messages] of data.threads) {
    const inRange = threadInRange(messages, range);
    if (inRange.length === 0) continue;
    participants.push(participantsOf(inRange, seenIn, keys.length));
    keys.push(thread);
    slices.push(inRange);
  }
  const sortedLengths = sortAscending(slices.map((slice) => slice.length));
  // Only threads at least as long as the 10th longest can be among the 10 longest.
  const threshold = sortedLengths[Math.max(0, sortedLengths.length - LONGEST_COUNT)] ?? 0;
  const candidates: number[] = [];
  for (let i = 0; i < slices.length; i++) if (slices[i]!.length >= threshold) candidates.push(i);
  const longest: ThreadSummary[] = candidates
    .sort((a, b) => slices[b]!.length - slices[a]!.length || compareCodePoints(keys[a]!, keys[b]!))
    .slice(0, LONGEST_COUNT)
    .map((i) => {
      const messages = slices[i]!;
      return {
        thread: keys[i]!,
        subject: messages[0]!.source.subject,
        length: messages.length,
        participants: participants[i]!,
        first: isoOf(messages[0]!.time),
        last: isoOf(messages[messages.length - 1]!.time),
      };
    });
  return {
    count: slices.length,
    medianLength: medianOfSorted(sortedLengths),
    p90Length: percentileOfSorted(sortedLengths, 90),
    medianParticipants: medianOfSorted(sortAscending(participants)),
    longest,
  };
}
