/**
 * The cheapest plan per thread (docs/sync.md "First sync", step 4): one `threads.get` when it costs no more
 * than getting the thread's uncached messages one by one, else one `messages.get` each. A small
 * thread seen only on the newest listed page waits for the next page, where the rest of it
 * usually is, so it is planned once with all its messages known.
 */
import type { FetchRequest } from './batch-getter.ts';
import type { ListedMessage } from './gmail-client.ts';
import type { QuotaCosts } from './quota-profile.ts';

export interface FetchPlan {
  requests: FetchRequest[];
  /** Held back for the next page. */
  deferred: ListedMessage[];
}

/**
 * `candidates` are uncached, newest first; `deferrable` holds ids that may wait for the next page
 * (the newest page's, when more pages follow).
 */
export function planFetches(
  candidates: readonly ListedMessage[],
  quota: QuotaCosts,
  deferrable: ReadonlySet<string> = new Set(),
): FetchPlan {
  const threads = new Map<string, ListedMessage[]>();
  for (const message of candidates) {
    const group = threads.get(message.threadId);
    if (group === undefined) threads.set(message.threadId, [message]);
    else group.push(message);
  }
  const plan: FetchPlan = { requests: [], deferred: [] };
  const threadCost = quota.costs['threads.get'];
  const getCost = quota.costs['messages.get'];
  for (const [threadId, messages] of threads) {
    if (threadCost <= messages.length * getCost) {
      plan.requests.push({ kind: 'thread', id: threadId });
    } else if (messages.every((message) => deferrable.has(message.id))) {
      plan.deferred.push(...messages);
    } else {
      for (const message of messages) plan.requests.push({ kind: 'message', id: message.id });
    }
  }
  return plan;
}

/** The units a plan spends. */
export function planUnits(plan: FetchPlan, quota: QuotaCosts): number {
  return plan.requests.reduce(
    (sum, request) => sum + quota.costs[request.kind === 'thread' ? 'threads.get' : 'messages.get'],
    0,
  );
}
