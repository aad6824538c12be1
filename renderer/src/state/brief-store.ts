/**
 * The Brief per request (account and zone), kept like reports (envelope-store.ts). Delivering it —
 * the person left the Brief view — is `deliverBrief`: the engine remembers what it listed as the
 * last brief (docs/metrics.md "New since the last brief").
 */
import type { BriefEnvelope } from '../../../shared/brief-types.ts';
import type { MethodArgs } from '../../../shared/contract.ts';
import { api } from '../api/client.ts';
import { createEnvelopeStore } from './envelope-store.ts';

export type BriefRequest = MethodArgs<'brief.get'>;

export function briefKey(request: BriefRequest): string {
  return JSON.stringify([request.account, request.timeZone ?? null]);
}

export const useBriefs = createEnvelopeStore(
  briefKey,
  (request: BriefRequest): Promise<BriefEnvelope> => api.call('brief.get', request),
);

/** Moves the last brief of the request's accounts to what it lists now; offline, the next brief counts from the one before. */
export async function deliverBrief(request: BriefRequest): Promise<void> {
  try {
    await api.call('brief.markSeen', request);
  } catch {
    // Nothing to tell the person: the mark simply stays where it was.
  }
}
