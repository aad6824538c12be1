/**
 * Anchored ranges through the engine: the warmed views are the dashboard's (`auto`), an `auto`
 * report also answers the anchor it chose, and only presets take an anchor.
 */
import { describe, expect, it } from 'vitest';
import { fakeClock, openEngine, REPLY_WALK_PATHS } from './helpers.ts';

describe('anchored reports through the engine', () => {
  it('warms the auto views, answers the chosen anchor from the same entry, and refuses an anchored custom range', async () => {
    // Ten months after the mailbox's last message (March 2025).
    const time = fakeClock(Date.parse('2026-01-15T12:00:00.000Z'));
    const engine = openEngine({ clock: time.clock });
    await engine.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
    await engine.runner.runUntilIdle({ sleep: time.sleep });
    const [account] = await engine.call('accounts.list', {});
    const ask = (range: Parameters<typeof engine.call<'analytics.report'>>[1]['range']) =>
      engine.call('analytics.report', { account: account!.id, range, timeZone: 'UTC' });

    const auto = await ask({ preset: '30', anchor: 'auto' });
    expect([auto.fromCache, auto.report.range.anchor]).toEqual([true, 'newest']);
    expect(auto.report.coverage.messages).toBeGreaterThan(0);
    expect(auto.report.range.to).toBe('2025-03-21T00:00:00.000Z');
    const newest = await ask({ preset: '30', anchor: 'newest' });
    expect([newest.fromCache, newest.report]).toEqual([true, auto.report]);
    const calendar = await ask({ preset: '30' });
    expect([calendar.fromCache, calendar.report.range.anchor, calendar.report.coverage.messages]).toEqual([
      false,
      'now',
      0,
    ]);
    const all = await ask({ preset: 'all', anchor: 'auto' });
    expect([all.fromCache, all.report.range.anchor]).toEqual([true, 'now']);

    await expect(
      ask({ from: '2025-03-01', to: '2025-03-31', anchor: 'newest' } as never),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
