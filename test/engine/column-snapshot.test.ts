/**
 * The analytics column snapshots through the engine: written beside the database by the warming
 * after an import, read by a newly started engine for its cold report (the same report), and
 * removed with the account they hold the mail of.
 */
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { snapshotPath } from '../../electron/engine/analytics/snapshot/file.ts';
import { AnalyticsReads } from '../../electron/engine/cache/analytics-reads.ts';
import { Engine } from '../../electron/engine/engine.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { fakeClock, openEngine, REPLY_WALK_PATHS, seededRandom } from './helpers.ts';

afterEach(() => vi.restoreAllMocks());

describe('column snapshots in the engine', () => {
  it('serve a restarted engine the same cold report and leave with the account', async () => {
    const time = fakeClock(Date.parse('2025-03-21T12:00:00.000Z'));
    const engine = openEngine({ clock: time.clock });
    await engine.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
    await engine.call('import.start', { paths: [REPLY_WALK_PATHS[0]!], account: 'other@example.com' });
    await engine.runner.runUntilIdle({ sleep: time.sleep });
    const [me, other] = await engine.call('accounts.list', {});
    const path = engineServicesForTests(engine).store.path;
    const folder = dirname(path);
    const snapshots = () =>
      readdirSync(folder).filter((name) => name.startsWith(`${basename(path)}-columns-`));
    expect(snapshots().sort()).toEqual(
      [[me!.id], [other!.id], [me!.id, other!.id]].map((ids) => basename(snapshotPath(path, ids)!)).sort(),
    );
    const request = { account: me!.id, range: { preset: 'all' as const }, timeZone: 'UTC' };
    const warm = await engine.call('analytics.report', request);
    await engine.close();

    const scans = vi.spyOn(AnalyticsReads.prototype, 'eagerBatch');
    const restarted = Engine.open({ databasePath: path, clock: time.clock, random: seededRandom(7) });
    try {
      engineServicesForTests(restarted).store.db.exec('DELETE FROM analytics_cache');
      const cold = await restarted.call('analytics.report', request);
      expect(cold.fromCache).toBe(false);
      expect(cold.report).toEqual(warm.report);
      // From the snapshot: at most the rows above its last one are asked for, never the whole table.
      expect(scans.mock.calls.filter(([after]) => after === Number.MIN_SAFE_INTEGER)).toEqual([]);

      await restarted.call('accounts.forget', { accountId: me!.id });
      expect(snapshots()).toEqual([basename(snapshotPath(path, [other!.id])!)]);
      expect(existsSync(snapshotPath(path, [me!.id])!)).toBe(false);
    } finally {
      await restarted.close();
    }
  });
});
