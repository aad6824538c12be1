import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { AnalyticsCacheService } from '../../electron/engine/cache/analytics-cache-service.ts';
import { analyticsKey } from '../../electron/engine/cache/analytics-key.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { cleanup } from '../../electron/engine/db/cleanup.ts';
import { JobService } from '../../electron/engine/jobs/job-service.ts';
import { facts, openTemp } from './helpers.ts';

const DAY = 86_400_000;

describe('cleanup', () => {
  it('removes old finished jobs, expired analytics and messages outside retention, and nothing else', () => {
    const { store, clock } = openTemp();
    const accounts = new AccountService(store);
    const messages = new MessageCacheService(store);
    const jobs = new JobService(store);
    const analytics = new AnalyticsCacheService(store);
    const account = accounts.createAccount({ address: 'me@example.com', provider: 'gmail' });
    // Messages one hour apart from 2026-01-01; the clock stands at 2026-01-15 12:00.
    messages.cacheBulk(
      account.id,
      'gmail',
      Array.from({ length: 48 }, (_, index) => ({ facts: facts(index) })),
    );
    const oldJob = jobs.createJob({ type: 'cleanup' });
    jobs.cancelJob(oldJob.id);
    const key = (preset: '7' | '30') =>
      analyticsKey({
        account: 'all',
        figureSet: 'overview',
        range: { preset },
        asOf: '2026-01-15',
        timeZone: 'UTC',
        settingsHash: 'h',
      });
    analytics.set(key('7'), {}, '1', 1, DAY);
    clock.advance(40 * DAY);
    analytics.set(key('30'), {}, '1', 1, DAY);
    const recentJob = jobs.createJob({ type: 'cleanup' });
    jobs.cancelJob(recentJob.id);
    const pending = jobs.createJob({ type: 'warm_cache' });

    expect(cleanup(store)).toEqual({ jobs: 1, analytics: 1, messages: 0 });
    expect(
      jobs
        .listJobs()
        .jobs.map((job) => job.id)
        .sort(),
    ).toEqual([recentJob.id, pending.id].sort());
    const version = accounts.getDataVersion(account.id);
    // 2026-02-24 12:00 less 54 days = 2026-01-01 12:00: the first 12 messages are older.
    expect(cleanup(store, { retentionDays: 54 })).toEqual({ jobs: 0, analytics: 0, messages: 12 });
    expect(messages.getCacheStats().count).toBe(36);
    expect(accounts.getDataVersion(account.id)).toBe(version + 1);
    expect(cleanup(store, { retentionDays: 54 }).messages).toBe(0);
    expect(accounts.getDataVersion(account.id)).toBe(version + 1);
  });
});
