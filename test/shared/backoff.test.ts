import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../shared/backoff.ts';
import { isRetryable } from '../../shared/errors.ts';

describe('backoffMs, the one exponential backoff', () => {
  it('doubles from the base and stops at the cap', () => {
    const waits = [1, 2, 3, 4, 5, 6].map((attempt) => backoffMs(attempt, { baseMs: 1000, capMs: 10_000 }));
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(backoffMs(0, { baseMs: 1000, capMs: 10_000 })).toBe(1000);
  });

  it('equal jitter keeps half the wait and draws the other half, never past the cap', () => {
    const options = { baseMs: 1000, capMs: 300_000 } as const;
    expect(backoffMs(3, { ...options, jitter: { kind: 'equal', random: () => 0 } })).toBe(2000);
    expect(backoffMs(3, { ...options, jitter: { kind: 'equal', random: () => 0.5 } })).toBe(3000);
    expect(backoffMs(40, { ...options, jitter: { kind: 'equal', random: () => 0.999 } })).toBeLessThan(
      300_000,
    );
  });

  it("added jitter is the Gmail retry's min(2^n s + random(0..1000) ms, 64 s)", () => {
    const gmail = (attempt: number, random: number) =>
      backoffMs(attempt, {
        baseMs: 1000,
        capMs: 64_000,
        jitter: { kind: 'add', spreadMs: 1000, random: () => random },
      });
    expect(gmail(1, 0.25)).toBe(1250);
    expect(gmail(4, 0.5)).toBe(8500);
    expect(gmail(7, 0.9)).toBe(64_000);
  });
});

describe('which error codes are worth another attempt', () => {
  it('not those that need the person or that they chose', () => {
    for (const code of ['AUTH_REQUIRED', 'UNSUPPORTED_INPUT', 'STORAGE_FULL', 'CANCELLED'] as const)
      expect(isRetryable(code)).toBe(false);
    for (const code of ['NETWORK', 'RATE_LIMITED', 'INTERNAL', 'CONFLICT'] as const)
      expect(isRetryable(code)).toBe(true);
  });
});
