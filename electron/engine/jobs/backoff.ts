import { backoffMs } from '../../../shared/backoff.ts';

export const MAX_RETRY_DELAY_MS = 5 * 60 * 1000;

/**
 * The wait before a job's next attempt after `attempts` failed ones: 1 s × 2^(attempts−1), capped
 * at 5 minutes, with equal jitter so retries of many jobs spread out while still growing.
 */
export function retryDelayMs(attempts: number, random: () => number): number {
  return Math.round(
    backoffMs(attempts, { baseMs: 1000, capMs: MAX_RETRY_DELAY_MS, jitter: { kind: 'equal', random } }),
  );
}
