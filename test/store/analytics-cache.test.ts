import { describe, expect, it } from 'vitest';
import { AnalyticsCacheService } from '../../electron/engine/cache/analytics-cache-service.ts';
import {
  accountKeyOf,
  analyticsKey,
  combinedDataVersion,
} from '../../electron/engine/cache/analytics-key.ts';
import { openTemp } from './helpers.ts';

const parts = {
  account: 3,
  figureSet: 'overview',
  range: { preset: '30' },
  asOf: '2026-01-15',
  timeZone: 'Europe/Paris',
  settingsHash: 'abc123',
} as const;

describe('analytics cache', () => {
  it('builds one key per distinct computation', () => {
    const key = analyticsKey(parts);
    expect(key).toBe('a=3|f=overview|r=30|d=2026-01-15|z=Europe/Paris|s=abc123');
    expect(accountKeyOf(key)).toBe('3');
    const custom = analyticsKey({
      ...parts,
      account: 'all',
      range: { from: '2025-01-01', to: '2025-03-31' },
    });
    expect(custom).toBe('a=all|f=overview|r=2025-01-01..2025-03-31|d=2026-01-15|z=Europe/Paris|s=abc123');
    expect(accountKeyOf(custom)).toBe('all');
    expect(analyticsKey({ ...parts, timeZone: 'UTC' })).not.toBe(key);
    expect(
      combinedDataVersion([
        { id: 2, dataVersion: 7 },
        { id: 1, dataVersion: 3 },
      ]),
    ).toBe('1:3,2:7');
  });

  it('answers fresh, then stale when the data version moves or the TTL passes, counting hits and misses', () => {
    const { store, clock } = openTemp();
    const cache = new AnalyticsCacheService(store);
    const key = analyticsKey(parts);
    expect(cache.get(key, 4)).toBeNull();
    cache.set(key, { total: 10 }, 4, 12.5);
    expect(cache.get(key, 4)).toEqual({ value: { total: 10 }, stale: false, hit: true });
    expect(cache.get(key, 5)).toMatchObject({ stale: true, hit: true });
    clock.advance(24 * 3_600_000);
    expect(cache.get(key, 4)).toMatchObject({ stale: true });
    const row = store.db.prepare('SELECT hit_count, last_hit_at FROM analytics_cache').get();
    expect(row).toEqual({ hit_count: 3, last_hit_at: '2026-01-16T12:00:00.000Z' });
    cache.set(key, { total: 11 }, 5, 7.5);
    expect(cache.get(key, 5)).toEqual({ value: { total: 11 }, stale: false, hit: true });
    expect(cache.stats()).toEqual({
      hits: 4,
      misses: 1,
      hitRate: 0.8,
      entries: 1,
      meanComputeMs: 7.5,
      p95ComputeMs: 7.5,
    });
  });

  it('invalidates one account key or everything', () => {
    const { store } = openTemp();
    const cache = new AnalyticsCacheService(store);
    const computeMs = { 1: 2, 2: 3, all: 10 };
    for (const account of [1, 2, 'all'] as const)
      cache.set(analyticsKey({ ...parts, account }), [], '1', computeMs[account]);
    expect(cache.stats()).toMatchObject({ entries: 3, meanComputeMs: 5, p95ComputeMs: 10 });
    expect(cache.invalidate(1)).toBe(1);
    expect(cache.invalidate()).toBe(2);
    expect(cache.stats().entries).toBe(0);
  });

  it('takes JSON up to 16 MB of UTF-8, however many code units that is', () => {
    const { store } = openTemp();
    const cache = new AnalyticsCacheService(store);
    const key = analyticsKey(parts);
    const limit = 16 * 1024 * 1024;
    // A JSON string of `units` code units in all, quotes included.
    const text = (unit: string, units: number) => JSON.stringify(unit.repeat(units - 2));
    const tooLarge = /at most 16 MB/;
    // One byte of UTF-8 per unit: exactly the limit, then one byte past it.
    cache.setJson(key, text('a', limit), '1', 1);
    expect(() => cache.setJson(key, text('a', limit + 1), '1', 1)).toThrow(tooLarge);
    // Three bytes per unit: within the limit at a third as many units, past it well under `limit` units.
    cache.setJson(key, text('€', Math.floor(limit / 3)), '2', 1);
    expect(() => cache.setJson(key, text('€', limit / 2), '1', 1)).toThrow(tooLarge);
    expect(cache.get(key, '2')?.stale).toBe(false);
  });
});
