import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { MAX_RETRY_DELAY_MS, retryDelayMs } from '../../electron/engine/jobs/backoff.ts';
import { JobService } from '../../electron/engine/jobs/job-service.ts';
import type { Job } from '../../shared/domain.ts';
import { openTemp, seededRandom } from './helpers.ts';

function setup() {
  const { store, clock } = openTemp();
  const accounts = new AccountService(store);
  const jobs = new JobService(store, { random: seededRandom(42) });
  const account = accounts.createAccount({ address: 'Ann@Example.com', provider: 'gmail' });
  return { store, clock, jobs, accounts, account };
}

describe('JobService', () => {
  it('runs the original scenario: create, claim, progress 50/100, complete', () => {
    const { jobs, account } = setup();
    const changes: Array<[string, string]> = [];
    jobs.onChange((job, change) => changes.push([job.status, change]));
    const created = jobs.createJob({
      type: 'fetch_messages',
      accountId: account.id,
      metadata: { pageToken: null },
    });
    expect(created).toMatchObject({
      status: 'pending',
      current: 0,
      total: null,
      percentage: null,
      attempts: 0,
      maxAttempts: 5,
    });
    expect(created.createdAt).toBe('2026-01-15T12:00:00.000Z');

    const claimed = jobs.claimNext('worker-1');
    expect(claimed).toMatchObject({
      id: created.id,
      status: 'processing',
      attempts: 1,
      startedAt: '2026-01-15T12:00:00.000Z',
    });

    const halfway = jobs.updateProgress(created.id, {
      current: 50,
      total: 100,
      step: 'Fetching 50 of 100 messages',
    });
    expect(halfway).toMatchObject({
      current: 50,
      total: 100,
      percentage: 50,
      step: 'Fetching 50 of 100 messages',
    });

    const done = jobs.completeJob(created.id, { stored: 100 });
    expect(done).toMatchObject({ status: 'completed', current: 100, percentage: 100, error: null });
    expect(done.metadata).toEqual({ pageToken: null, stored: 100 });
    expect(jobs.getJob(created.id).status).toBe('completed');
    expect(changes).toEqual([
      ['pending', 'created'],
      ['processing', 'state'],
      ['processing', 'progress'],
      ['completed', 'state'],
    ]);
  });

  it('retries a failing job with growing, jittered backoff until its attempts run out, then keeps the message', () => {
    const { jobs, clock, account } = setup();
    const job = jobs.createJob({ type: 'sync_history', accountId: account.id, maxAttempts: 3 });
    const waits: number[] = [];
    let last: Job = job;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      const claimed = jobs.claimNext('worker-1');
      expect(claimed?.attempts).toBe(attempt);
      last = jobs.failJob(job.id, {
        code: 'NETWORK',
        message: `Gmail could not be reached (attempt ${attempt}).`,
      });
      if (attempt < 3) {
        expect(last.status).toBe('pending');
        const wait = Date.parse(last.runAfter!) - clock.now;
        waits.push(wait);
        expect(jobs.claimNext('worker-1')).toBeNull();
        clock.advance(wait);
      }
    }
    expect(waits[0]).toBeGreaterThanOrEqual(500);
    expect(waits[0]).toBeLessThanOrEqual(1000);
    expect(waits[1]).toBeGreaterThanOrEqual(1000);
    expect(waits[1]).toBeLessThanOrEqual(2000);
    expect(last).toMatchObject({
      status: 'failed',
      attempts: 3,
      error: { code: 'NETWORK', message: 'Gmail could not be reached (attempt 3).' },
    });
    expect(last.finishedAt).not.toBeNull();
    expect(jobs.claimNext('worker-1')).toBeNull();
  });

  it('caps the backoff at five minutes', () => {
    const random = seededRandom(7);
    for (let attempts = 1; attempts <= 30; attempts += 1) {
      expect(retryDelayMs(attempts, random)).toBeLessThanOrEqual(MAX_RETRY_DELAY_MS);
    }
    expect(retryDelayMs(30, () => 0)).toBe(MAX_RETRY_DELAY_MS / 2);
  });

  it('fails at once when told the error cannot be retried', () => {
    const { jobs, account } = setup();
    const job = jobs.createJob({ type: 'fetch_messages', accountId: account.id });
    jobs.claimNext('w');
    const failed = jobs.failJob(
      job.id,
      { code: 'AUTH_REQUIRED', message: 'Reconnect your Gmail account.' },
      { retry: false },
    );
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, error: { code: 'AUTH_REQUIRED' } });
  });

  it('recovers a job whose lease expired, lets another worker claim it, and fails it when attempts are used up', () => {
    const { jobs, clock, account } = setup();
    const job = jobs.createJob({ type: 'fetch_messages', accountId: account.id, maxAttempts: 2 });
    jobs.claimNext('crashed-worker');
    clock.advance(29_000);
    expect(jobs.heartbeat(job.id, 'crashed-worker')).toBe(true);
    clock.advance(29_000);
    expect(jobs.recoverExpiredLeases()).toBe(0);
    clock.advance(2_000);
    expect(jobs.recoverExpiredLeases()).toBe(1);
    expect(jobs.getJob(job.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(jobs.heartbeat(job.id, 'crashed-worker')).toBe(false);

    expect(jobs.claimNext('worker-2')).toMatchObject({ id: job.id, attempts: 2 });
    clock.advance(31_000);
    expect(jobs.recoverExpiredLeases()).toBe(1);
    expect(jobs.getJob(job.id)).toMatchObject({ status: 'failed', attempts: 2, error: { code: 'INTERNAL' } });
  });

  it('tells a runner of cancel and pause through its heartbeat, and keeps the cursor across pause and resume', () => {
    const { jobs, account } = setup();
    const job = jobs.createJob({ type: 'fetch_messages', accountId: account.id });
    jobs.claimNext('w');
    jobs.setCursor(job.id, { pageToken: 'p7' });
    expect(jobs.heartbeat(job.id, 'w')).toBe(true);
    expect(jobs.heartbeat(job.id, 'someone-else')).toBe(false);
    jobs.pauseJob(job.id);
    expect(jobs.heartbeat(job.id, 'w')).toBe(false);
    const resumed = jobs.resumeJob(job.id);
    expect(resumed).toMatchObject({ status: 'pending', metadata: { cursor: { pageToken: 'p7' } } });
    jobs.claimNext('w');
    jobs.cancelJob(job.id);
    expect(jobs.heartbeat(job.id, 'w')).toBe(false);
    expect(() => jobs.completeJob(job.id)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('queues a sync unless the account has one unfinished, and tells which happened', () => {
    const { jobs, account } = setup();
    const queued = jobs.queueSyncUnlessUnfinished(account.id, 'fetch_messages');
    expect(queued).toMatchObject({ type: 'fetch_messages', status: 'pending' });
    expect(jobs.queueSyncUnlessUnfinished(account.id, 'sync_history')).toBeNull();
    jobs.pauseJob(queued!.id);
    expect(jobs.queueSyncUnlessUnfinished(account.id, 'sync_history')).toBeNull();
    jobs.cancelJob(queued!.id);
    expect(jobs.queueSyncUnlessUnfinished(account.id, 'sync_history')).toMatchObject({
      type: 'sync_history',
    });
  });

  it('allows one unfinished sync job per account, and a retry that would make two is a conflict', () => {
    const { jobs, accounts, account } = setup();
    const first = jobs.createJob({ type: 'fetch_messages', accountId: account.id });
    expect(() => jobs.createJob({ type: 'sync_history', accountId: account.id })).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    const other = accounts.createAccount({ address: 'bob@example.com', provider: 'gmail' });
    expect(jobs.createJob({ type: 'sync_history', accountId: other.id }).status).toBe('pending');
    expect(jobs.createJob({ type: 'compute_analytics', accountId: account.id }).status).toBe('pending');
    expect(jobs.hasRunningJob(account.id, ['fetch_messages', 'sync_history'])).toBe(true);

    jobs.cancelJob(first.id);
    expect(jobs.hasRunningJob(account.id, ['fetch_messages'])).toBe(false);
    const second = jobs.createJob({ type: 'sync_history', accountId: account.id });
    expect(() => jobs.retryJob(first.id)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    jobs.cancelJob(second.id);
    expect(jobs.retryJob(first.id)).toMatchObject({
      status: 'pending',
      attempts: 0,
      error: null,
      finishedAt: null,
    });
  });

  it('gives a retried failed job a fresh attempt budget', () => {
    const { jobs, account } = setup();
    const job = jobs.createJob({ type: 'import_mail', accountId: account.id, maxAttempts: 1 });
    jobs.claimNext('w');
    jobs.failJob(job.id, { code: 'UNSUPPORTED_INPUT', message: 'The file is not an mbox.' });
    const retried = jobs.retryJob(job.id);
    expect(retried).toMatchObject({ status: 'pending', attempts: 0, error: null });
    expect(jobs.claimNext('w')?.attempts).toBe(1);
  });

  it('claims the oldest due job, honouring run_after and the type filter', () => {
    const { jobs, clock, account } = setup();
    const later = jobs.createJob({ type: 'warm_cache', runAfter: clock.now + 60_000 });
    const cleanupJob = jobs.createJob({ type: 'cleanup' });
    const compute = jobs.createJob({ type: 'compute_analytics', accountId: account.id });
    expect(jobs.claimNext('w', { types: ['compute_analytics'] })?.id).toBe(compute.id);
    expect(jobs.claimNext('w')?.id).toBe(cleanupJob.id);
    expect(jobs.claimNext('w')).toBeNull();
    clock.advance(60_000);
    expect(jobs.claimNext('w')?.id).toBe(later.id);
  });

  it('lists jobs by status, type and account with a total', () => {
    const { jobs, account } = setup();
    for (let index = 0; index < 7; index += 1)
      jobs.createJob({ type: 'compute_analytics', accountId: account.id });
    jobs.createJob({ type: 'cleanup' });
    jobs.claimNext('w');
    const page = jobs.listJobs({ status: 'pending', limit: 3, offset: 1 });
    expect(page.total).toBe(7);
    expect(page.jobs.map((job) => job.id)).toEqual([7, 6, 5]);
    expect(jobs.listJobs({ type: 'cleanup' }).total).toBe(1);
    expect(jobs.listJobs({ accountId: account.id, status: 'processing' }).jobs.map((job) => job.id)).toEqual([
      1,
    ]);
    expect(jobs.listJobs().total).toBe(8);
  });

  it('cleans up finished jobs older than the given age only', () => {
    const { jobs, clock } = setup();
    const old = jobs.createJob({ type: 'cleanup' });
    jobs.cancelJob(old.id);
    clock.advance(31 * 86_400_000);
    const recent = jobs.createJob({ type: 'cleanup' });
    jobs.cancelJob(recent.id);
    const open = jobs.createJob({ type: 'warm_cache' });
    expect(jobs.cleanup(30)).toBe(1);
    expect(
      jobs
        .listJobs()
        .jobs.map((job) => job.id)
        .sort(),
    ).toEqual([recent.id, open.id].sort());
  });

  it('derives the percentage and rejects progress beyond the total', () => {
    const { jobs, account } = setup();
    const job = jobs.createJob({ type: 'fetch_messages', accountId: account.id });
    jobs.claimNext('w');
    expect(jobs.updateProgress(job.id, { current: 3 })).toMatchObject({ percentage: null });
    expect(jobs.updateProgress(job.id, { current: 1, total: 3 })).toMatchObject({ percentage: 33 });
    expect(jobs.updateProgress(job.id, { current: 2 })).toMatchObject({
      total: 3,
      percentage: 66,
      step: null,
    });
    expect(() => jobs.updateProgress(job.id, { current: 4 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
