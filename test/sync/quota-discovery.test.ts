import { afterEach, describe, expect, it } from 'vitest';
import { QuotaDiscovery } from '../../electron/engine/sources/gmail/quota-discovery.ts';
import type { QuotaProfile } from '../../shared/domain.ts';
import type { CountersSnapshot } from '../emulator/counters.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { type SyncBench, startSyncBench } from './harness.ts';

let bench: SyncBench | null = null;
afterEach(async () => {
  await bench?.close();
  bench = null;
});

const CEILING = { '2026': 6000, legacy: 15_000 } as const;

/** The windows (by index) in which some call was refused: those whose charged units reached the ceiling. */
function refusalWindows(counters: CountersSnapshot): number[] {
  return counters.windows.flatMap((w, i) => (w.refusals > 0 ? [i] : []));
}

async function syncAt(profile: QuotaProfile, messages: number, learned?: QuotaProfile) {
  bench = await startSyncBench({
    messages: [...seedFromSynthetic({ seed: 5, messages })],
    labels: SYNTHETIC_LABELS,
    profile,
    latency: { minMs: 50, maxMs: 150 },
    timeScale: 10,
  });
  const { accounts } = bench.engine.services;
  const address = bench.emulator.user;
  if (learned !== undefined)
    accounts.learnedQuota.set(bench.accountId, address, {
      profile: learned,
      learnedAt: '2026-01-01T00:00:00Z',
    });
  expect(accounts.getSettings(bench.accountId).quotaProfile).toBe('auto');
  const job = await bench.runJob('fetch_messages');
  expect(job.status).toBe('completed');
  const counters = bench.emulator.counters.snapshot();
  const middle = counters.windows.slice(2, -1);
  return {
    counters,
    learned: accounts.learnedQuota.get(bench.accountId, address)?.profile ?? null,
    middleWindows: middle.length,
    refusals: counters.errorsByKind['429 rateLimitExceeded'] ?? 0,
  };
}

describe('the sync finds the account quota by itself (setting "auto")', () => {
  it('at 2026: a probe past the 2026 ceiling meets refusals, nearly all in its first window, then paces at 2026 and remembers it', async () => {
    const run = await syncAt('2026', 3000);
    expect(run.learned).toBe('2026');
    expect(run.refusals).toBeGreaterThan(0);
    // Few enough refusals that the hammering penalty never starts (allowance 20).
    expect(run.refusals).toBeLessThanOrEqual(20);
    expect(run.counters.windows[0]!.unitsCharged).toBeGreaterThan(0.99 * 6000);
    // The probe's window holds nearly all refusals (speed and stray refusals are the bench's to judge).
    const perWindow = run.counters.windows.map((w) => w.refusals);
    expect(perWindow[0]).toBeGreaterThan(0);
    expect(perWindow.slice(1).reduce((a, b) => a + b, 0)).toBeLessThan(perWindow[0]!);
    expect(run.middleWindows).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('at legacy: past 125 % of the 2026 ceiling without a refusal, it settles on legacy, with no refusal at all', async () => {
    const run = await syncAt('legacy', 20_000);
    expect(run.learned).toBe('legacy');
    expect(run.refusals).toBe(0);
    // Paced above the 2026 ceiling in every full window after the first (speed is the bench's to judge).
    const full = run.counters.windows.slice(1, -1);
    expect(full.length).toBeGreaterThanOrEqual(2);
    expect(full.every((w) => w.unitsSucceeded > CEILING['2026'])).toBe(true);
  }, 120_000);

  it('re-checks when refusals say the remembered ceiling dropped (legacy remembered, the account now at 2026)', async () => {
    const run = await syncAt('2026', 3000, 'legacy');
    expect(run.learned).toBe('2026');
    expect(run.refusals).toBeGreaterThan(0);
    expect(refusalWindows(run.counters)[0]).toBe(0);
  }, 120_000);
});

describe('QuotaDiscovery', () => {
  const remembered: Array<QuotaProfile | null> = [];
  const make = (setting: 'auto' | QuotaProfile, learned: QuotaProfile | null) =>
    new QuotaDiscovery({ setting, learned, timeScale: 1, remember: (p) => remembered.push(p) });

  it('a profile set by the user overrides discovery: no probe, refusals change nothing', () => {
    const fixed = make('legacy', null);
    expect(fixed.probing).toBe(false);
    fixed.refused(60_000, 1000);
    expect(fixed.profile).toBe('legacy');
    expect(fixed.quota.costs['messages.get']).toBe(5);
    expect(remembered).toEqual([]);
  });

  it('a remembered profile is used at once; without one it probes at the 2026 costs', () => {
    expect(make('auto', 'legacy').probing).toBe(false);
    const fresh = make('auto', null);
    expect(fresh.probing).toBe(true);
    expect(fresh.quota.costs['messages.get']).toBe(20);
    // Free up to 90 % of 6,000 units, then careful (one request in flight at a time).
    expect(fresh.probeWait(5400, 0)).toBe(0);
    expect(fresh.probeWait(20, 1)).toBe('careful');
    fresh.grant(20);
    // A "Retry after" refusal near the ceiling: 2026, remembered.
    fresh.refused(60_000, 10);
    expect(fresh.profile).toBe('2026');
    expect(fresh.probing).toBe(false);
    expect(remembered).toEqual(['2026']);
  });
});
