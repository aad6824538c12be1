const BASE_MS = 1000;
const CAP_MS = 5 * 60 * 1000;

/**
 * The wait before the next attempt after `attempts` failed ones: 1 s × 2^(attempts−1), capped at
 * 5 minutes, with "equal jitter" (half fixed, half random) so retries of many jobs spread out
 * while still growing. `random` returns [0, 1) and is injected so tests are reproducible.
 */
export function retryDelayMs(attempts: number, random: () => number): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential / 2 + random() * (exponential / 2));
}

export const MAX_RETRY_DELAY_MS = CAP_MS;
