import { compareCodePoints } from '../numbers.ts';
import type { Dataset, PreparedMessage } from '../prepare.ts';
import { awaitingInstant } from '../scope.ts';
import { DAY_MS, isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const awaitingDefinition =
  'As of A = the earlier of the range end and the as-of time, over every counted dated message before A (the range start plays no part). On you: threads whose last message is received, not automated, from a contact, in the inbox (where the account has inbox labels), and more than 24 h and less than 30 days old. On them: threads whose last message is sent and at least 3 days and less than 30 days old.';

export interface AwaitingThread {
  thread: string;
  subject: string | null;
  correspondent: string | null;
  last: string;
  ageMs: number;
}

export interface AwaitingLists {
  onMe: AwaitingThread[];
  onThem: AwaitingThread[];
}

function lastBefore(thread: readonly PreparedMessage[], instant: number): PreparedMessage | null {
  for (let i = thread.length - 1; i >= 0; i--) {
    if (thread[i]!.time < instant) return thread[i]!;
  }
  return null;
}

function isOnMe(data: Dataset, message: PreparedMessage, age: number): boolean {
  if (message.sent || message.automated || message.contactId < 0) return false;
  if (data.accountsWithInbox.has(message.source.accountId) && !message.source.labels.includes('INBOX'))
    return false;
  return age > DAY_MS && age < 30 * DAY_MS;
}

function isOnThem(message: PreparedMessage, age: number): boolean {
  return message.sent && age >= 3 * DAY_MS && age < 30 * DAY_MS;
}

function firstRecipient(data: Dataset, message: PreparedMessage): string | null {
  return message.recipientIds.length > 0 ? data.contacts.address(message.recipientIds[0]!) : null;
}

const oldestFirst = (a: AwaitingThread, b: AwaitingThread) =>
  b.ageMs - a.ageMs || compareCodePoints(a.thread, b.thread);

/** Figure 10: the threads, with their last message, waiting on you and on them at A. */
export function awaitingThreads(
  data: Dataset,
  range: ResolvedRange,
): { lists: AwaitingLists; last: Map<string, PreparedMessage> } {
  const instant = awaitingInstant(range, data.asOf);
  const onMe: AwaitingThread[] = [];
  const onThem: AwaitingThread[] = [];
  const last = new Map<string, PreparedMessage>();
  for (const [thread, messages] of data.threads) {
    const message = lastBefore(messages, instant);
    if (!message) continue;
    const age = instant - message.time;
    const me = isOnMe(data, message, age);
    if (!me && !isOnThem(message, age)) continue;
    last.set(thread, message);
    const entry: AwaitingThread = {
      thread,
      subject: message.source.subject,
      correspondent: me ? message.contact : firstRecipient(data, message),
      last: isoOf(message.time),
      ageMs: age,
    };
    (me ? onMe : onThem).push(entry);
  }
  return { lists: { onMe: onMe.sort(oldestFirst), onThem: onThem.sort(oldestFirst) }, last };
}
