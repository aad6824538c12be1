import type { AwaitingThread } from '../../../../shared/report-types.ts';
import { IN_INBOX } from '../label-bits.ts';
import { compareCodePoints } from '../numbers.ts';
import { AUTOMATED, type Dataset, SENT, textsOfMany } from '../prepare.ts';
import { awaitingInstant, threadsIn } from '../scope.ts';
import { DAY_MS, isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const awaitingDefinition =
  'As of A = the earlier of the range end and the as-of time, over every counted dated message before A (the range start plays no part). On you: threads whose last message is received, not automated, from a contact, in the inbox (where the account has inbox labels), and more than 24 h and less than 30 days old. On them: threads whose last message is sent and at least 3 days and less than 30 days old.';

export interface AwaitingLists {
  onMe: AwaitingThread[];
  onThem: AwaitingThread[];
}

/** Thread t's last message before the instant (a dataset index), or -1. */
function lastBefore(data: Dataset, t: number, instant: number): number {
  // After the newest message, every thread's last message is the one before the instant.
  const position =
    (instant > data.newest
      ? data.threads.start[t + 1]!
      : data.threads.firstAtOrAfter(t, instant, data.time)) - 1;
  return position >= data.threads.start[t]! ? data.threads.members[position]! : -1;
}

function isOnMe(data: Dataset, i: number, age: number): boolean {
  if ((data.flags[i]! & (SENT | AUTOMATED)) !== 0 || data.contact[i]! < 0) return false;
  if (data.accountsWithInbox.has(data.accountId[i]!) && (data.labelBits[data.labels[i]!]! & IN_INBOX) === 0)
    return false;
  return age > DAY_MS && age < 30 * DAY_MS;
}

function isOnThem(data: Dataset, i: number, age: number): boolean {
  return (data.flags[i]! & SENT) !== 0 && age >= 3 * DAY_MS && age < 30 * DAY_MS;
}

function firstRecipient(data: Dataset, i: number): string | null {
  const { pool, start, length } = data.recipients;
  return length[i]! > 0 ? data.contacts.address(pool[start[i]!]!) : null;
}

const oldestFirst = (a: AwaitingThread, b: AwaitingThread) =>
  b.ageMs - a.ageMs || compareCodePoints(a.thread, b.thread);

/**
 * Each thread waiting at `instant` (on you or on them), with its last message before it and
 * whether it waits on you, in thread order.
 */
function eachWaiting(
  data: Dataset,
  instant: number,
  waiting: (t: number, i: number, onMe: boolean) => void,
): void {
  // A waiting thread's last message before A is less than 30 days old: only the threads with a
  // message in that month can wait (a month's messages, not every thread of a million messages).
  for (const t of threadsIn(data, instant - 30 * DAY_MS, instant)) {
    const i = lastBefore(data, t, instant);
    if (i < 0) continue;
    const age = instant - data.time[i]!;
    const me = isOnMe(data, i, age);
    if (me || isOnThem(data, i, age)) waiting(t, i, me);
  }
}

/**
 * How many threads wait on you at A: figure 10's `onMe`, without the lists — the comparison's
 * previous range needs only the count, and its lists' subjects (read from the store), thread keys
 * and times were a quarter of a 30-day report at 1,000,000 messages (docs/analytics.md).
 */
export function awaitingOnMeCount(data: Dataset, range: ResolvedRange): number {
  let count = 0;
  eachWaiting(data, awaitingInstant(range, data.asOf), (_t, _i, me) => {
    if (me) count++;
  });
  return count;
}

/**
 * ISO texts of recent instants: a 30-day report at 1,000,000 messages lists ≈ 7,500 awaited
 * threads, and the same last messages after every sync; `toISOString` was ≈ 4–5 ms of them. A
 * text depends on the instant alone, so the memo is exact; past its bound it starts again.
 */
const isoTexts = new Map<number, string>();
const MAX_ISO_TEXTS = 65_536;

function isoOfRecent(instant: number): string {
  let text = isoTexts.get(instant);
  if (text === undefined) {
    if (isoTexts.size >= MAX_ISO_TEXTS) isoTexts.clear();
    text = isoOf(instant);
    isoTexts.set(instant, text);
  }
  return text;
}

/**
 * Figure 10: the threads, with their last message, waiting on you and on them at A; `last` (each
 * listed thread's last message, for the Brief and drill-downs) is made when first read.
 */
export function awaitingThreads(
  data: Dataset,
  range: ResolvedRange,
): { lists: AwaitingLists; readonly last: Map<string, number> } {
  const instant = awaitingInstant(range, data.asOf);
  // The threads waiting, and their last messages (dataset indices); texts are read for all at once.
  const waiting: number[] = [];
  const lastOf: number[] = [];
  const onMeToo: boolean[] = [];
  eachWaiting(data, instant, (t, i, me) => {
    waiting.push(t);
    lastOf.push(i);
    onMeToo.push(me);
  });
  const texts = textsOfMany(data, lastOf);
  const onMe: AwaitingThread[] = [];
  const onThem: AwaitingThread[] = [];
  const keys: string[] = [];
  for (let k = 0; k < waiting.length; k++) {
    const i = lastOf[k]!;
    const me = onMeToo[k]!;
    const thread = data.threads.key(waiting[k]!);
    keys.push(thread);
    const entry: AwaitingThread = {
      thread,
      subject: texts[k]!.subject,
      correspondent: me ? data.contacts.address(data.contact[i]!) : firstRecipient(data, i),
      last: isoOfRecent(data.time[i]!),
      ageMs: instant - data.time[i]!,
    };
    (me ? onMe : onThem).push(entry);
  }
  let last: Map<string, number> | null = null;
  return {
    lists: { onMe: onMe.sort(oldestFirst), onThem: onThem.sort(oldestFirst) },
    get last() {
      last ??= new Map(keys.map((thread, k) => [thread, lastOf[k]!]));
      return last;
    },
  };
}
