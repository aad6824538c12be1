/**
 * Cancellation inside a sync: a job's signal ends every wait and every loop, so cancel and pause
 * take effect within a second, always with the same `CANCELLED` error.
 */
import { setTimeout as wait } from 'node:timers/promises';
import { BriefError } from '../../../../shared/errors.ts';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export function cancelledError(signal: AbortSignal): BriefError {
  const reason: unknown = signal.reason;
  return reason instanceof BriefError && reason.code === 'CANCELLED'
    ? reason
    : new BriefError('CANCELLED', 'The sync was stopped; it resumes from where it left off.');
}

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw cancelledError(signal);
}

/** Node's own abortable timer; its `AbortError` becomes the job's `CANCELLED`. */
export const realSleep: Sleep = async (ms, signal) => {
  try {
    await wait(Math.max(0, ms), undefined, { signal });
  } catch (error) {
    if (signal.aborted) throw cancelledError(signal);
    throw error;
  }
};
