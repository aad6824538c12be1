/**
 * The analytics cache keys carry the report's format (shared/report-types.ts REPORT_FORMAT), so a
 * report stored by a version with another shape or other definition texts is never served as
 * today's typed Report: it is a miss, computed afresh.
 */
import { describe, expect, it } from 'vitest';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { REPORT_FORMAT } from '../../shared/report-types.ts';
import { fakeClock, openEngine, REPLY_WALK_PATHS } from './helpers.ts';

describe('report cache format', () => {
  it('stores and finds reports under keys that name the report format, and ignores older ones', async () => {
    const time = fakeClock(Date.parse('2025-03-21T12:00:00.000Z'));
    const engine = openEngine({ clock: time.clock });
    await engine.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
    await engine.runner.runUntilIdle({ sleep: time.sleep });
    const [account] = await engine.call('accounts.list', {});
    const request = { account: account!.id, range: { preset: '30' as const }, timeZone: 'UTC' };

    const warmed = await engine.call('analytics.report', request);
    expect(warmed.fromCache).toBe(true);
    expect(warmed.cacheKey).toContain(`|f=report-${REPORT_FORMAT}|`);

    // What a version before formats were numbered stored: same request, old shape.
    const { db } = engineServicesForTests(engine).store;
    db.prepare("UPDATE analytics_cache SET key = replace(key, ?, '|f=report|')").run(
      `|f=report-${REPORT_FORMAT}|`,
    );
    db.prepare('UPDATE analytics_cache SET value = \'{"account":"old shape"}\'').run();
    const fresh = await engine.call('analytics.report', request);
    expect(fresh.fromCache).toBe(false);
    expect(fresh.report.definitions.volume).toBe(warmed.report.definitions.volume);
  });
});
