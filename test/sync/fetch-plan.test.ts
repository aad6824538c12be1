import { afterEach, describe, expect, it } from 'vitest';
import { optimalThreadUnits, planFetches, QUOTA_COSTS } from '../../electron/engine/sources/gmail/index.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { mailboxState, type SyncBench, startSyncBench } from './harness.ts';

let bench: SyncBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

describe('the fetch plan', () => {
  it('takes threads.get from the count where it is no dearer than messages.get', () => {
    const listed = [
      { id: 'a1', threadId: 'a' },
      { id: 'a2', threadId: 'a' },
      { id: 'b1', threadId: 'b' },
      { id: 'c1', threadId: 'c' },
      { id: 'c2', threadId: 'c' },
      { id: 'c3', threadId: 'c' },
    ];
    const plan = planFetches(listed, QUOTA_COSTS['2026']);
    expect(plan.requests).toEqual([
      { kind: 'thread', id: 'a' },
      { kind: 'message', id: 'b1' },
      { kind: 'thread', id: 'c' },
    ]);
    const held = planFetches(listed, QUOTA_COSTS['2026'], new Set(['b1']));
    expect(held.deferred).toEqual([{ id: 'b1', threadId: 'b' }]);
  });

  for (const profile of ['2026', 'legacy'] as const) {
    it(`spends close to the optimum units per message (${profile})`, async () => {
      bench = await startSyncBench({
        messages: [...seedFromSynthetic({ seed: 11, messages: 2000 })],
        labels: SYNTHETIC_LABELS,
        profile,
        // The profile is set: the plan is measured without the first sync's quota probe.
        settings: { quotaProfile: profile },
      });
      const job = await bench.runJob('fetch_messages');
      expect(job.status).toBe('completed');
      const stored = mailboxState(bench.emulator);
      const threads = new Map<string, number>();
      for (const message of stored.values())
        threads.set(message.threadId, (threads.get(message.threadId) ?? 0) + 1);
      const optimum =
        [...threads.values()].reduce((sum, k) => sum + optimalThreadUnits(profile, k), 0) / stored.size;
      const counters = bench.emulator.counters.snapshot();
      const spent = counters.windows.reduce((sum, w) => sum + w.unitsCharged, 0) / stored.size;
      expect(spent).toBeLessThanOrEqual(optimum * 1.02);
      // The pacing kept every call under the ceiling: no quota refusals at all.
      expect(counters.errorsByKind['429 rateLimitExceeded'] ?? 0).toBe(0);
    });
  }
});
