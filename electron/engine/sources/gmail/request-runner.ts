/**
 * Runs planned requests as batches of at most 50 parts and at most one bucket's worth of units,
 * a few batches in flight, handing each batch's messages to `onMessages` as it completes so they
 * are stored at once (newest first, as planned), right after the batches that waited for its slots
 * went out (`TurnStore`). A run of more parts than slots, but at most two rounds of them, goes one
 * part per request instead (`sendsSingly`).
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { MAX_BATCH_PARTS } from './batch-codec.ts';
import { type FetchRequest, fetchBatch, requestCost } from './batch-getter.ts';
import type { CallContext } from './call-context.ts';
import { TurnStore } from './turn-store.ts';

/**
 * The order the run's answers must reach the store in. `planned`: nothing is stored before the
 * first request's answer, the newest mail; what came back before it is stored with it. A first
 * sync's first store is published at once and must show the mailbox's newest messages: stored as
 * answered, the first of ≈ 60 single requests to come back was any message, and the next publish
 * waited its interval (≈ 2.5 s to first data instead of ≈ 0.5 s). `answered`: as they come, as an
 * incremental sync publishes once, after its last store.
 */
export type StoreOrder = 'planned' | 'answered';

/**
 * Whether a run goes one part per request. A batch holds its slots until its slowest part answers
 * (at latency 50–150 ms, the slowest of 40 ≈ 148 ms), so in a run of more parts than slots the
 * extra parts waited a whole round; sent singly, each slot comes back with its own answer (≈ 100 ms
 * on average) and the next part goes out at once, so the extras start after ≈ 50–110 ms. Simulated
 * for an incremental sync's ≈ 60 parts at 40 slots and 1 ms of our CPU per request: two rounds of
 * ≈ 293 ms become ≈ 240–250 ms (the gain shrinks as the run nears two rounds: ≈ 8 ms at 80). A run
 * that fits in the slots is one round either way, so it stays one batch (one request instead of
 * dozens). Past two rounds is a first sync's page of hundreds of parts, whose pace the quota sets,
 * not the slots: batches keep its CPU per message low there.
 */
export function sendsSingly(context: CallContext, parts: number): boolean {
  const slots = context.slots.limit;
  return parts > slots && parts <= 2 * slots;
}

export function groupIntoBatches(context: CallContext, requests: readonly FetchRequest[]): FetchRequest[][] {
  if (sendsSingly(context, requests.length)) return requests.map((request) => [request]);
  // A batch's parts are all in flight at once, so one batch never exceeds the concurrency slots.
  const maxParts = Math.min(MAX_BATCH_PARTS, context.slots.limit);
  const batches: FetchRequest[][] = [];
  let current: FetchRequest[] = [];
  let units = 0;
  for (const request of requests) {
    const cost = requestCost(context, request);
    if (current.length > 0 && (current.length >= maxParts || units + cost > context.pacer.capacity)) {
      batches.push(current);
      current = [];
      units = 0;
    }
    current.push(request);
    units += cost;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

export async function runRequests(
  context: CallContext,
  requests: readonly FetchRequest[],
  batchesInFlight: number,
  onMessages: (messages: gmail_v1.Schema$Message[]) => void,
  order: StoreOrder,
): Promise<void> {
  const queue = groupIntoBatches(context, requests);
  const store = new TurnStore(onMessages);
  // Answers that came back before the first request's, while the order is `planned`.
  let early: gmail_v1.Schema$Message[][] | null = order === 'planned' ? [] : null;
  const storeEarly = () => {
    for (const messages of early ?? []) store.add(messages);
    early = null;
  };
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const position = next++;
      const batch = queue[position]!;
      try {
        const messages = (await fetchBatch(context, batch)).flat();
        if (early !== null && position > 0) {
          early.push(messages);
          continue;
        }
        store.add(messages);
        storeEarly();
      } catch (error) {
        // The others finish the batch they hold and stop; the job resumes from its cursor.
        next = queue.length;
        throw error;
      }
    }
  };
  // Sent singly, one request per slot; the slots then keep them to Gmail's limit.
  const inFlight = sendsSingly(context, requests.length) ? context.slots.limit : batchesInFlight;
  const workers = Array.from({ length: Math.min(inFlight, queue.length) }, worker);
  const settled = await Promise.allSettled(workers);
  // What came back is stored even when a batch failed.
  storeEarly();
  await store.settle();
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
}
