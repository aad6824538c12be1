import { compareCodePoints, medianOfSorted, percentileOfSorted, sortAscending } from '../numbers.ts';
import type { Dataset, PreparedMessage } from '../prepare.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const threadsDefinition =
  "Threads with at least one counted dated message in the range. Length = its counted dated messages in the range; participants = the distinct contacts among those messages' senders and recipients. Median (two middle values for an even count) and nearest-rank 90th percentile of length, median participants, and the 10 longest threads.";

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

function participantsOf(messages: readonly PreparedMessage[]): number {
  if (messages.length === 1) {
    const only = messages[0]!;
    return (
      only.recipients.length + (only.contact !== null && !only.recipients.includes(only.contact) ? 1 : 0)
    );
  }
  const contacts = new Set<string>();
  for (const message of messages) {
    if (message.contact !== null) contacts.add(message.contact);
    for (const recipient of message.recipients) contacts.add(recipient);
  }
  return contacts.size;
}

/** Figure 11. */
export function computeThreads(data: Dataset, range: ResolvedRange) {
  const lengths: number[] = [];
  const participants: number[] = [];
  const inside: Array<{ thread: string; messages: PreparedMessage[] }> = [];
  for (const [thread, messages] of data.threads) {
    const inRange = threadInRange(messages, range);
    if (inRange.length === 0) continue;
    lengths.push(inRange.length);
    participants.push(participantsOf(inRange));
    inside.push({ thread, messages: inRange });
  }
  const longest: ThreadSummary[] = inside
    .sort((a, b) => b.messages.length - a.messages.length || compareCodePoints(a.thread, b.thread))
    .slice(0, 10)
    .map(({ thread, messages }) => ({
      thread,
      subject: messages[0]!.source.subject,
      length: messages.length,
      participants: participantsOf(messages),
      first: isoOf(messages[0]!.time),
      last: isoOf(messages[messages.length - 1]!.time),
    }));
  const sortedLengths = sortAscending(lengths);
  return {
    count: lengths.length,
    medianLength: medianOfSorted(sortedLengths),
    p90Length: percentileOfSorted(sortedLengths, 90),
    medianParticipants: medianOfSorted(sortAscending(participants)),
    longest,
  };
}
