/** Waiting that a job's signal can cut short, so cancel and pause take effect within a second. */
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

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(cancelledError(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(cancelledError(signal));
    };
    const timer = setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal.addEventListener('abort', onAbort, { once: true });
  });
