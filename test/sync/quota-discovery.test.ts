import { afterEach, describe, expect, it } from 'vitest';
import { QuotaDiscovery } from '../../electron/engine/sources/gmail/quota-discovery.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
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

/**
 * A first sync with the quota left at `auto`, on virtual time: the emulator's quota windows and
 * the sync's pacing move only when something waits, so what happens in a window does not depend
 * on how much CPU the test gets (real time at time scale 10 made these fail on a loaded machine).
 */
async function syncAt(profile: QuotaProfile, messages: number, learned?: QuotaProfile) {
  bench = await startSyncBench({
    messages: [...seedFromSynthetic({ seed: 5, messages })],
    labels: SYNTHETIC_LABELS,
    profile,
    latency: { minMs: 50, maxMs: 150 },
    timeScale: 10,
    virtualTime: true,
  });
  const { accounts } = engineServicesForTests(bench.engine);
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
  it('at 2026: a probe past the 2026 ceiling meets a few refusals in its first window only, then paces at 2026 and remembers it', async () => {
    const run = await syncAt('2026', 3000);
    expect(run.learned).toBe('2026');
    expect(run.refusals).toBeGreaterThan(0);
    // Few enough refusals that the hammering penalty never starts (allowance 20).
    expect(run.refusals).toBeLessThanOrEqual(20);
    expect(run.counters.windows[0]!.unitsCharged).toBeGreaterThan(0.99 * 6000);
    expect(refusalWindows(run.counters)).toEqual([0]);
    expect(run.middleWindows).toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('at legacy: past 125 % of the 2026 ceiling without a refusal, it settles on legacy, with no refusal at all', async () => {
    const run = await syncAt('legacy', 16_000);
    expect(run.learned).toBe('legacy');
    expect(run.refusals).toBe(0);
    // At the legacy ceiling in every full window after the first (still counting at the 2026 costs,
    // 4 × a get's legacy cost, it would stay under ~1,500 legacy units a window). On virtual time a
    // window ends only when the sync waits, so a busy CPU cannot cut one short.
    const full = run.counters.windows.slice(1, -1);
    expect(full.length).toBeGreaterThanOrEqual(2);
    expect(full.every((w) => w.unitsSucceeded >= 0.95 * CEILING.legacy)).toBe(true);
  }, 120_000);

  it('checks a remembered legacy on a 2026 account without hammering: few refusals, all in the first window', async () => {
    const run = await syncAt('2026', 3000, 'legacy');
    expect(run.learned).toBe('2026');
    expect(run.refusals).toBeGreaterThan(0);
    // Within the emulator's hammering allowance (a remembered ceiling trusted blindly met 37 here).
    expect(run.refusals).toBeLessThanOrEqual(20);
    expect(refusalWindows(run.counters)).toEqual([0]);
  }, 120_000);
});

describe('QuotaDiscovery', () => {
  const remembered: QuotaProfile[] = [];
  afterEach(() => {
    remembered.length = 0;
  });
  const make = (setting: 'auto' | QuotaProfile, learned: QuotaProfile | null) =>
    new QuotaDiscovery({ setting, learned, remember: (p) => remembered.push(p) });

  it('a profile set by the user overrides discovery: no probe, refusals change nothing', () => {
    const fixed = make('legacy', null);
    expect(fixed.probing).toBe(false);
    fixed.refused(100);
    expect(fixed.profile).toBe('legacy');
    expect(fixed.quota.costs['messages.get']).toBe(5);
    expect(remembered).toEqual([]);
  });

  it('a remembered 2026 is used at once; a remembered legacy is checked by the probe; none: probe at the 2026 costs', () => {
    expect(make('auto', '2026').probing).toBe(false);
    expect(make('auto', 'legacy').probing).toBe(true);
    const fresh = make('auto', null);
    expect(fresh.probing).toBe(true);
    expect(fresh.quota.costs['messages.get']).toBe(20);
    expect(fresh.freeUnits).toBe(5400);
  });

  it('125 % of the 2026 ceiling answered in one window settles on legacy; a refusal first settles on 2026', () => {
    const legacy = make('auto', null);
    legacy.admitted(7499);
    expect(legacy.probing).toBe(true);
    legacy.admitted(7500);
    expect(legacy.profile).toBe('legacy');
    expect(legacy.quota.costs['messages.get']).toBe(5);
    const lower = make('auto', null);
    lower.refused(5990);
    expect(lower.profile).toBe('2026');
    expect(remembered).toEqual(['legacy', '2026']);
  });

  it('a refusal far under a found legacy ceiling means it dropped (2026 at once); one near it does not', () => {
    const found = make('auto', 'legacy');
    found.admitted(7500);
    found.refused(14_000);
    expect(found.profile).toBe('legacy');
    found.refused(9000);
    expect(found.profile).toBe('2026');
    expect(remembered).toEqual(['legacy', '2026']);
  });
});
