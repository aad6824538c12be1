/**
 * Warming computes every view of an account set from one preparation of its messages (prepare.ts
 * datasetForRange), from messages brought up to date through the change log (load-changes.ts):
 * each warmed cache entry must equal the view computed on its own from a whole read of the
 * database, after seeded random changes (new messages, label changes, re-stored facts, deletions,
 * identity and setting changes), for calendar- and newest-anchored presets, one account and "all"
 * of two; and no warming after the first reads the database whole.
 */

import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BRIEF_RANGE, computeBrief } from '../../electron/engine/analytics/brief/compute-brief.ts';
import { computeReport, loadAnalyticsMessages } from '../../electron/engine/analytics/index.ts';
import { snapshotPath } from '../../electron/engine/analytics/snapshot/file.ts';
import { ThreadIndex } from '../../electron/engine/analytics/thread-index.ts';
import { AnalyticsReads } from '../../electron/engine/cache/analytics-reads.ts';
import { WARM_RANGES } from '../../electron/engine/reports/report-range.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { BRIEF_FORMAT } from '../../shared/brief-types.ts';
import { seededRandom } from '../seeded-random.ts';
import { openEngine } from './helpers.ts';
import { type ChangeTarget, generated, randomChange } from './random-changes.ts';

const AS_OF = Date.UTC(2026, 10, 1, 12);
const DAY_MS = 86_400_000;
const IDENTITY = 'me@example.com';
const ALIAS = 'me.alias@example.com';

function setup(seed: number, endsDaysAgo: number) {
  const engine = openEngine({ clock: () => AS_OF });
  const services = engineServicesForTests(engine);
  services.appSettings.update({ timeZone: 'Europe/London' });
  const end = AS_OF - endsDaysAgo * DAY_MS - 3_600_000;
  const account = services.accounts.createAccount({ address: IDENTITY, provider: 'gmail' });
  const other = services.accounts.createAccount({ address: 'other@example.com', provider: 'import' });
  const all = generated(seed, 600, true, end, [IDENTITY, ALIAS]);
  const otherMail = generated(seed + 1, 300, false, end, ['other@example.com']);
  services.messages.cacheBulk(
    other.id,
    'import',
    otherMail.map((facts) => ({ facts })),
  );
  const held = all.filter((_, i) => i % 5 === 0);
  services.messages.cacheBulk(
    account.id,
    'gmail',
    all.filter((_, i) => i % 5 !== 0).map((facts) => ({ facts })),
  );
  services.rederive(other.id);
  services.rederive(account.id);
  const target: ChangeTarget = {
    messages: services.messages,
    accounts: services.accounts,
    accountId: account.id,
    held,
    provider: 'gmail',
  };
  return { services, target };
}

type Services = ReturnType<typeof setup>['services'];

afterEach(() => vi.restoreAllMocks());

/** The accounts' messages read whole from the database (their snapshot removed first), as a cold engine would. */
function wholeRead(services: Services, account: number | 'all') {
  const ids = services.reports.accountIds(account);
  rmSync(snapshotPath(services.store.path, ids)!, { force: true });
  return loadAnalyticsMessages(services.store, ids);
}

/** Every warmed view of the account and of "all": the cached value beside the view computed alone. */
function warmedAndAlone(services: Services, accountId: number) {
  const zone = services.reports.zone({});
  const views = [];
  for (const account of [accountId, 'all'] as const) {
    for (const range of WARM_RANGES) {
      const { key, version } = services.reports.keyAndVersion(account, range, zone, AS_OF);
      const cached = services.analyticsCache.get(key, version, AS_OF);
      const alone = computeReport({
        ...services.reports.input(account, range, zone, AS_OF),
        messages: wholeRead(services, account),
      });
      views.push({ key, stale: cached?.stale, cached: cached?.value, alone });
    }
    const briefRange = { preset: BRIEF_RANGE, anchor: 'auto' } as const;
    const brief = services.reports.keyAndVersion(account, briefRange, zone, AS_OF, `brief-${BRIEF_FORMAT}`);
    const cached = services.analyticsCache.get(brief.key, brief.version, AS_OF);
    const { range: _range, ...input } = services.reports.input(account, briefRange, zone, AS_OF);
    const alone = computeBrief({ ...input, messages: wholeRead(services, account) });
    views.push({ key: brief.key, stale: cached?.stale, cached: cached?.value, alone });
  }
  return views;
}

describe('warming with one preparation per account set', () => {
  it.each([
    ['mail up to the as-of day (calendar anchors)', 31, 0],
    ['mail that ended 45 days before (the short presets anchor on the newest message)', 32, 45],
  ])(
    'gives every warmed view exactly as computed alone, for seeded random changes: %s',
    async (_name, seed, endsDaysAgo) => {
      const { services, target } = setup(seed, endsDaysAgo);
      const random = seededRandom(seed * 104_729);
      const anchors = new Set<string>();
      for (let step = 0; step < 10; step++) {
        const kind = step === 0 ? 'none' : randomChange(random, target, ALIAS);
        services.rederive(target.accountId);
        const scans = vi.spyOn(AnalyticsReads.prototype, 'eagerBatch');
        scans.mockClear();
        const preparations = vi.spyOn(ThreadIndex, 'build');
        preparations.mockClear();
        expect(await services.warmAnalytics(target.accountId)).toBe(10);
        const whole = scans.mock.calls.filter(([after]) => after === Number.MIN_SAFE_INTEGER);
        // The first warming reads both sets whole; every later one only what changed.
        expect(whole, `step ${step} (${kind})`).toHaveLength(step === 0 ? 2 : 0);
        // New mail brings the kept preparations up to date (dataset-patch.ts): none is made whole.
        if (kind === 'new messages') expect(preparations, `step ${step} (${kind})`).not.toHaveBeenCalled();
        for (const view of warmedAndAlone(services, target.accountId)) {
          expect(view.stale, `step ${step} (${kind}): ${view.key}`).toBe(false);
          expect(view.cached, `step ${step} (${kind}): ${view.key}`).toEqual(view.alone);
          const range = (view.alone as { range?: { anchor: string } }).range;
          anchors.add(range?.anchor ?? (view.alone as { anchor: string }).anchor);
        }
      }
      expect(anchors).toEqual(new Set(endsDaysAgo === 0 ? ['now'] : ['now', 'newest']));
    },
  );
});
