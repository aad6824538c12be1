/**
 * Runs planned requests as batches of at most 50 parts and at most one bucket's worth of units,
 * a few batches in flight, handing each batch's messages to `onMessages` as it completes so they
 * are stored at once (newest first, as planned), right after the batches that waited for its slots
 * went out (`TurnStore`).
 */
import type { gmail_v1 } from '@googleapis/gmail';
import { MAX_BATCH_PARTS } from './batch-codec.ts';
import { type FetchRequest, fetchBatch, requestCost } from './batch-getter.ts';
import type { CallContext } from './call-context.ts';
import { TurnStore } from './turn-store.ts';

export function groupIntoBatches(context: CallContext, requests: readonly FetchRequest[]): FetchRequest[][] {
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
): Promise<void> {
  const queue = groupIntoBatches(context, requests);
  const store = new TurnStore(onMessages);
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const batch = queue[next++]!;
      try {
        store.add((await fetchBatch(context, batch)).flat());
      } catch (error) {
        // The others finish the batch they hold and stop; the job resumes from its cursor.
        next = queue.length;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.min(batchesInFlight, queue.length) }, worker);
  const settled = await Promise.allSettled(workers);
  // What came back is stored even when a batch failed.
  await store.settle();
  const failed = settled.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
}
