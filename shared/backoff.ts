/**
 * Exponential backoff, one formula for every wait before trying again (a job's next attempt, a
 * Gmail call, restarting the engine worker, reconnecting the dashboard's event socket): the n-th
 * wait (n ≥ 1) is `base × 2^(n−1)`, capped, with optional jitter so many waiters do not all come
 * back at the same instant. Pure: `random` (returning [0, 1)) is injected, so tests reproduce.
 */
export interface BackoffOptions {
  baseMs: number;
  capMs: number;
  /**
   * `equal`: half the wait fixed, half drawn (the wait still grows, never past the cap);
   * `spreadMs`: up to that many milliseconds added, the sum capped (the Gmail retry formula of
   * docs/sync.md "Quota, retries, errors").
   */
  jitter?: { random: () => number } & ({ kind: 'equal' } | { kind: 'add'; spreadMs: number });
}

/** The wait in milliseconds before try number `attempt + 1`, after `attempt` failures (≥ 1). */
export function backoffMs(attempt: number, options: BackoffOptions): number {
  const { baseMs, capMs, jitter } = options;
  const exponential = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  if (!jitter) return exponential;
  if (jitter.kind === 'equal') return exponential / 2 + jitter.random() * (exponential / 2);
  return Math.min(capMs, exponential + jitter.random() * jitter.spreadMs);
}
