import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../../../shared/domain.ts';
import { isValidTime, normalizeAddress } from '../mail/index.ts';
import type { DerivedFacts } from '../mail/types.ts';
import { ContactIndex } from './contacts.ts';
import { compareWalkOrder, PreparedMessage, type RecipientMemo } from './prepared-message.ts';
import { type ReplyPair, walkThreads } from './reply-walk.ts';
import { threadKeysForReport } from './report-threads.ts';
import { rangeSpan } from './time/ranges.ts';
import { WorkingCalendar } from './time/working-time.ts';
import { ZoneClock } from './time/zone-clock.ts';
import type { ReportInput } from './types.ts';

export { compareWalkOrder, PreparedMessage };

export interface Dataset {
  input: ReportInput;
  asOf: number;
  identities: Set<string>;
  contacts: ContactIndex;
  clock: ZoneClock;
  workingHours: WorkingHours;
  working: WorkingCalendar;
  /** Counted messages, in input order. */
  messages: PreparedMessage[];
  /** Each thread's counted dated messages in walk order (time; received before sent; storage id). */
  threads: Map<string, PreparedMessage[]>;
  mine: ReplyPair[];
  theirs: ReplyPair[];
  /** Accounts where the INBOX test of "awaiting on me" applies, and where "share read" exists. */
  accountsWithInbox: Set<number>;
  accountsWithUnread: Set<number>;
}

function identitySet(input: ReportInput): Set<string> {
  const identities = new Set<string>();
  for (const account of input.accounts) {
    for (const identity of account.identities) {
      const address = normalizeAddress(identity);
      if (address !== null) identities.add(address);
    }
  }
  return identities;
}

/** Everything the figures share, computed once per report: counted messages, local times, threads, the reply walk. */
export function prepareDataset(input: ReportInput): Dataset {
  const asOf = input.asOf;
  const identities = identitySet(input);
  const derived = threadKeysForReport(input);
  const factsOf = (index: number): DerivedFacts =>
    derived?.get(input.messages[index]!.rowId) ?? input.messages[index]!;
  let minTime = Number.POSITIVE_INFINITY;
  let maxTime = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < input.messages.length; i++) {
    const time = input.messages[i]!.time;
    if (!factsOf(i).counted || !isValidTime(time, asOf)) continue;
    if (time < minTime) minTime = time;
    if (time > maxTime) maxTime = time;
  }
  const span = rangeSpan(input.range, asOf);
  const clock = ZoneClock.covering(input.timeZone, Math.min(minTime, span.from), Math.max(maxTime, span.to));
  const namespaced = input.accounts.length > 1;
  const contacts = new ContactIndex(identities);
  const recipientMemo: RecipientMemo = new Map();
  const messages: PreparedMessage[] = [];
  const threads = new Map<string, PreparedMessage[]>();
  const accountsWithInbox = new Set<number>();
  const accountsWithUnread = new Set<number>();
  for (let i = 0; i < input.messages.length; i++) {
    const source = input.messages[i]!;
    const facts = factsOf(i);
    if (!facts.counted) continue;
    if (!accountsWithInbox.has(source.accountId) && source.labels.includes('INBOX')) {
      accountsWithInbox.add(source.accountId);
    }
    if (!accountsWithUnread.has(source.accountId) && source.labels.includes('UNREAD')) {
      accountsWithUnread.add(source.accountId);
    }
    const time = isValidTime(source.time, asOf) ? source.time : null;
    const threadKey = namespaced ? `${source.accountId}:${facts.threadKey}` : facts.threadKey;
    const message = new PreparedMessage(
      source,
      time,
      facts.direction === 'sent',
      threadKey,
      contacts,
      clock,
      recipientMemo,
    );
    messages.push(message);
    if (time === null) continue;
    const thread = threads.get(threadKey);
    if (thread) thread.push(message);
    else threads.set(threadKey, [message]);
  }
  for (const thread of threads.values()) if (thread.length > 1) thread.sort(compareWalkOrder);
  const workingHours = input.workingHours ?? DEFAULT_WORKING_HOURS;
  const firstDay = clock.dayOf(Number.isFinite(minTime) ? minTime : asOf);
  const lastDay = clock.dayOf(Number.isFinite(maxTime) ? Math.max(maxTime, asOf) : asOf);
  const working = new WorkingCalendar(clock, workingHours, firstDay, lastDay);
  const { mine, theirs } = walkThreads(threads.values());
  return {
    input,
    asOf,
    identities,
    contacts,
    clock,
    workingHours,
    working,
    messages,
    threads,
    mine,
    theirs,
    accountsWithInbox,
    accountsWithUnread,
  };
}
