/**
 * The quota pacer and its window ledger on virtual time, against the emulator's quota meter
 * (pacer-sim.ts): exact and repeatable, so each figure here is a property of the pacing, not of
 * how busy the machine was.
 */
import { describe, expect, it } from 'vitest';
import { QuotaWindow } from '../../electron/engine/sources/gmail/quota-window.ts';
import { ceilingShare, refusalsPerWindow, simulateSync } from './pacer-sim.ts';

const W = 60_000;

describe('QuotaWindow', () => {
  it('opens with the first call and ends a window after the first answer; calls answered in time are not carried', () => {
    const window = new QuotaWindow(W);
    expect(window.roll(1000)).toBe(true);
    const first = window.take(20, 1000);
    expect(window.endsBy).toBeNull();
    window.settle(first, 20, 20, 1100);
    expect(window.endsBy).toBe(1100 + W);
    const second = window.take(40, 5000);
    window.settle(second, 40, 40, 5100);
    expect(window.spent).toBe(60);
    expect(window.admittedInside).toBe(60);
    expect(window.roll(1099 + W)).toBe(false);
    expect(window.roll(1100 + W)).toBe(true);
    expect(window.spent).toBe(0);
    expect(window.startsFrom).toBe(1100 + W);
  });

  it('counts a call answered after the window could have ended in the next one too, which may have started at that end', () => {
    const window = new QuotaWindow(W);
    window.roll(0);
    window.settle(window.take(20, 0), 20, 20, 100);
    const late = window.take(180, W - 50);
    window.settle(late, 180, 180, W + 30);
    const stillOut = window.take(20, W - 20);
    window.roll(100 + W);
    expect(window.spent).toBe(200);
    expect(window.startsFrom).toBe(W);
    window.settle(stillOut, 20, 20, 100 + W + 5);
    expect(window.spent).toBe(200);
  });

  it('gives back what a refused call did not spend, and takes a "Retry after" as the exact end of a full window', () => {
    const window = new QuotaWindow(W);
    window.roll(0);
    const batch = window.take(180, 0);
    window.settle(batch, 100, 100, 100);
    expect(window.spent).toBe(100);
    window.refusedUntil(45_000, 200, 5940);
    expect(window.endsBy).toBe(45_000);
    expect(window.spent).toBe(5940);
    expect(window.roll(44_999)).toBe(false);
    expect(window.roll(45_000)).toBe(true);
    expect(window.spent).toBe(0);
  });

  it('goes quiet before the window can end, by about the slowest call, so calls are answered inside it', () => {
    const window = new QuotaWindow(W);
    window.roll(0);
    window.settle(window.take(20, 0), 20, 20, 400);
    expect(window.quietFrom).toBe(W - 600);
  });

  it('closes a window none of whose calls was answered within a window of the last charged answer (no stall)', () => {
    const window = new QuotaWindow(W);
    window.roll(0);
    window.settle(window.take(20, 0), 20, 20, 100);
    window.roll(100 + W);
    // Every call of the new window fails without an answer that proves it was admitted.
    window.settle(window.take(20, 100 + W), 20, 0, 200 + W);
    expect(window.endsBy).toBeNull();
    window.closeUnanswered();
    expect(window.endsBy).toBe(200 + 2 * W);
  });
});

describe('the pacer against the quota meter', () => {
  it('spends ≥ 0.98 of the ceiling over elapsed time at each profile when set, with no refusal', async () => {
    for (const profile of ['2026', 'legacy'] as const) {
      const run = await simulateSync({ profile, setting: profile, gets: profile === '2026' ? 2000 : 20_000 });
      expect(run.counters.windows.length).toBeGreaterThanOrEqual(6);
      expect(refusalsPerWindow(run).every((refusals) => refusals === 0)).toBe(true);
      expect(ceilingShare(run, 1)).toBeGreaterThanOrEqual(0.98);
    }
  });

  it('makes up within the window for a pause of its own (a 15 s stall loses no quota)', async () => {
    const run = await simulateSync({
      profile: '2026',
      setting: '2026',
      gets: 2000,
      stall: { at: 130_000, ms: 15_000 },
    });
    expect(refusalsPerWindow(run).every((refusals) => refusals === 0)).toBe(true);
    expect(ceilingShare(run, 1)).toBeGreaterThanOrEqual(0.98);
  });

  it('finds 2026 in its first window with few refusals there and none after, then paces at ≥ 0.98 from window 2', async () => {
    const run = await simulateSync({ profile: '2026', setting: 'auto', gets: 2000 });
    expect(run.remembered).toEqual(['2026']);
    const refusals = refusalsPerWindow(run);
    expect(refusals[0]).toBeGreaterThan(0);
    expect(refusals[0]).toBeLessThanOrEqual(20);
    expect(refusals.slice(1).every((n) => n === 0)).toBe(true);
    expect(ceilingShare(run, 1)).toBeGreaterThanOrEqual(0.98);
  });

  it('finds legacy in its first window without a refusal, then paces at ≥ 0.98 from window 2', async () => {
    const run = await simulateSync({ profile: 'legacy', setting: 'auto', gets: 20_000 });
    expect(run.remembered).toEqual(['legacy']);
    expect(refusalsPerWindow(run).every((refusals) => refusals === 0)).toBe(true);
    expect(ceilingShare(run, 1)).toBeGreaterThanOrEqual(0.98);
  });

  it('checks a remembered legacy at the 2026 ceiling one batch at a time: a dropped ceiling costs one window of few refusals', async () => {
    const run = await simulateSync({
      profile: '2026',
      setting: 'auto',
      learned: 'legacy',
      gets: 2000,
      workers: 4,
    });
    expect(run.remembered).toEqual(['2026']);
    const refusals = refusalsPerWindow(run);
    expect(refusals[0]).toBeLessThanOrEqual(20);
    expect(refusals.slice(1).every((n) => n === 0)).toBe(true);
  });

  it('uses a remembered 2026 without probing: no refusal at all', async () => {
    const run = await simulateSync({ profile: '2026', setting: 'auto', learned: '2026', gets: 2000 });
    expect(run.remembered).toEqual([]);
    expect(refusalsPerWindow(run).every((refusals) => refusals === 0)).toBe(true);
  });

  it('moves to 2026 at the first refusal when the ceiling drops in the middle of a sync at legacy: one window with refusals', async () => {
    const run = await simulateSync({
      profile: 'legacy',
      setting: 'auto',
      gets: 20_000,
      dropsTo2026At: 150_000,
    });
    expect(run.remembered).toEqual(['legacy', '2026']);
    const refused = refusalsPerWindow(run).flatMap((n, index) => (n > 0 ? [index] : []));
    expect(refused).toHaveLength(1);
  });

  it('keeps a refusal near the ceiling it found from lowering it (its own miscount, not a drop)', async () => {
    const run = await simulateSync({ profile: 'legacy', setting: 'auto', gets: 20_000 });
    expect(run.profile).toBe('legacy');
  });
});
