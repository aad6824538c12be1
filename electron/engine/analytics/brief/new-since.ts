/**
 * "New since the last brief" (docs/metrics.md "New since the last brief"): a thread waiting on you
 * is new when the last brief delivered for its account did not list it. The marks are kept per
 * account (cache/brief-marks.ts); a Brief for several accounts compares each thread with its own
 * account's mark. This runs when a Brief is answered, over the cached sections, so a moved mark
 * never makes the cached Brief stale.
 */
import type { Brief, BriefThread } from '../../../../shared/brief-types.ts';

/** What the last brief of one account listed as waiting on you, and when it was delivered. */
export interface BriefMark {
  seenAt: string;
  /** Thread keys as the account's own report knows them (without the `<account id>:` of all accounts). */
  threads: ReadonlySet<string>;
}

/** The thread's key within its account: a Brief of several accounts prefixes it with the account id. */
export function accountThreadKey(
  brief: Pick<Brief, 'account'>,
  thread: Pick<BriefThread, 'thread' | 'accountId'>,
): string {
  const prefix = `${thread.accountId}:`;
  return brief.account === 'all' && thread.thread.startsWith(prefix)
    ? thread.thread.slice(prefix.length)
    : thread.thread;
}

/** The Brief with `isNew`, the count of new threads and the last brief's time filled in from the marks. */
export function withMarks(brief: Brief, marks: ReadonlyMap<number, BriefMark>): Brief {
  const threads = brief.waitingOnYou.threads.map((thread) => {
    const mark = marks.get(thread.accountId);
    return { ...thread, isNew: mark === undefined || !mark.threads.has(accountThreadKey(brief, thread)) };
  });
  const times = [...marks.values()].map((mark) => mark.seenAt).sort();
  return {
    ...brief,
    waitingOnYou: {
      ...brief.waitingOnYou,
      threads,
      newSinceLastBrief: threads.filter((thread) => thread.isNew).length,
      lastBriefAt: times[0] ?? null,
    },
  };
}

/** The marks a delivered Brief leaves: for each of its accounts, the threads it listed as waiting on you. */
export function marksOf(brief: Brief, accountIds: readonly number[], seenAt: string): Map<number, BriefMark> {
  const marks = new Map<number, Set<string>>(accountIds.map((id) => [id, new Set<string>()]));
  for (const thread of brief.waitingOnYou.threads)
    marks.get(thread.accountId)?.add(accountThreadKey(brief, thread));
  return new Map([...marks].map(([id, threads]) => [id, { seenAt, threads }]));
}
