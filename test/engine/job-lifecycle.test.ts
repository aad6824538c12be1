/**
 * The job lifecycle in-process, with executors injected: progress with a step text, completion,
 * retries with backoff on a fake clock until the job's attempts run out, and a job whose engine
 * died mid-run coming back after its lease expired.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryLogger, type LogRecord } from '../../electron/engine/log.ts';
import { type JobExecutor, JobRunner } from '../../electron/engine/runner/job-runner.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import type { Events } from '../../shared/contract.ts';
import { DEFAULTS } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import { fakeClock, openEngine, REPLY_WALK_PATHS, tempFolder } from './helpers.ts';

/** An executor that works until its signal aborts; `running` settles once it started. */
function untilAborted(): { executor: JobExecutor; running: Promise<void> } {
  let started = () => {};
  const running = new Promise<void>((resolve) => {
    started = resolve;
  });
  const executor: JobExecutor = (context) =>
    new Promise((_resolve, reject) => {
      started();
      context.signal.addEventListener('abort', () => reject(context.signal.reason));
    });
  return { executor, running };
}

describe('job lifecycle', () => {
  it('reports progress with a step text and completes', async () => {
    const clock = fakeClock();
    let release = () => {};
    const halfway = new Promise<void>((resolve) => {
      release = resolve;
    });
    const executor: JobExecutor = async (context) => {
      context.progress(50, 100, 'Halfway through the test work');
      await halfway;
      return { answer: 42 };
    };
    const engine = openEngine({ clock: clock.clock, executors: { cleanup: executor } });
    const progress: Events['job-progress'][] = [];
    const states: string[] = [];
    engine.on('job-progress', (event) => progress.push(event));
    engine.on('job-state', (event) => states.push(event.status));

    const job = engineServicesForTests(engine).jobs.createJob({ type: 'cleanup' });
    const running = engine.runner.runUntilIdle({ sleep: clock.sleep });
    // The executor has reported and now waits: the job row shows the progress meanwhile.
    await Promise.resolve();
    const during = await engine.call('jobs.get', { jobId: job.id });
    expect(during).toMatchObject({
      status: 'processing',
      current: 50,
      total: 100,
      percentage: 50,
      step: 'Halfway through the test work',
    });
    release();
    await running;

    expect(progress).toEqual([
      expect.objectContaining({
        jobId: job.id,
        current: 50,
        total: 100,
        percentage: 50,
        step: 'Halfway through the test work',
      }),
    ]);
    const done = await engine.call('jobs.get', { jobId: job.id });
    expect(done).toMatchObject({ status: 'completed', attempts: 1, error: null, metadata: { answer: 42 } });
    expect(states).toEqual(['pending', 'processing', 'completed']);
  });

  it('retries a failing executor with backoff until its attempts run out, then fails with its message', async () => {
    const clock = fakeClock();
    const attemptsAt: number[] = [];
    const executor: JobExecutor = async () => {
      attemptsAt.push(clock.now);
      throw new BriefError('NETWORK', 'The test service is unreachable.');
    };
    const engine = openEngine({ clock: clock.clock, executors: { cleanup: executor } });
    const job = engineServicesForTests(engine).jobs.createJob({ type: 'cleanup', maxAttempts: 3 });

    await engine.runner.runUntilIdle({ sleep: clock.sleep });

    expect(attemptsAt).toHaveLength(3);
    // Each retry waited out its backoff on the fake clock.
    expect(attemptsAt[1]!).toBeGreaterThan(attemptsAt[0]!);
    expect(attemptsAt[2]!).toBeGreaterThan(attemptsAt[1]!);
    const failed = await engine.call('jobs.get', { jobId: job.id });
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 3,
      maxAttempts: 3,
      error: { code: 'NETWORK', message: 'The test service is unreachable.' },
    });
  });

  it('fails at once, without retrying, on an error another attempt cannot fix', async () => {
    const clock = fakeClock();
    let calls = 0;
    const executor: JobExecutor = async () => {
      calls += 1;
      throw new BriefError('UNSUPPORTED_INPUT', 'That file is not mail.');
    };
    const engine = openEngine({ clock: clock.clock, executors: { cleanup: executor } });
    const job = engineServicesForTests(engine).jobs.createJob({ type: 'cleanup' });
    await engine.runner.runUntilIdle({ sleep: clock.sleep });
    expect(calls).toBe(1);
    expect(await engine.call('jobs.get', { jobId: job.id })).toMatchObject({
      status: 'failed',
      error: { code: 'UNSUPPORTED_INPUT' },
    });
  });

  it('leaves no job stuck when the engine dies mid-job: the lease expires and the job runs again', async () => {
    const clock = fakeClock();
    const databasePath = join(tempFolder(), 'brief.db');
    const first = openEngine({ databasePath, clock: clock.clock });
    const queued = await first.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
    // The engine's runner claims the job and then dies: the lease is held, nothing renews it.
    const claimed = engineServicesForTests(first).jobs.claimNext(first.runner.workerId);
    expect(claimed).toMatchObject({ id: queued.id, status: 'processing', attempts: 1 });
    await first.close();

    clock.advance(DEFAULTS.leaseMs - 1);
    const early = openEngine({ databasePath, clock: clock.clock });
    expect(engineServicesForTests(early).jobs.recoverExpiredLeases()).toBe(0);
    await early.close();

    clock.advance(2);
    const second = openEngine({ databasePath, clock: clock.clock });
    await second.runner.runUntilIdle({ sleep: clock.sleep });
    const done = await second.call('jobs.get', { jobId: queued.id });
    expect(done.error, JSON.stringify(done)).toBeNull();
    expect(done).toMatchObject({ status: 'completed', attempts: 2 });
    expect((await second.call('messages.stats', { accountId: queued.accountId! })).count).toBe(24);
    expect((await second.call('jobs.list', { status: 'processing' })).total).toBe(0);
  });

  it("a polling runner returns a dead runner's job to the queue once its lease expires, without a restart", async () => {
    const clock = fakeClock();
    const engine = openEngine({ clock: clock.clock });
    const job = engineServicesForTests(engine).jobs.createJob({ type: 'cleanup' });
    // The engine's own runner claims it and dies (the job was reserved for it).
    engineServicesForTests(engine).jobs.claimNext(engine.runner.workerId);
    const completed = new Promise<void>((resolve) => {
      engine.on('job-state', (event) => event.jobId === job.id && event.status === 'completed' && resolve());
    });
    const { jobs, events, logger } = engineServicesForTests(engine);
    const runner = new JobRunner({
      workerId: 'restarted-runner',
      jobs,
      events,
      logger,
      clock: clock.clock,
      executors: { cleanup: async () => ({ ran: true }) },
      pollMs: 1,
      recoverEveryMs: 1,
    });
    runner.start();
    expect(engineServicesForTests(engine).jobs.getJob(job.id).status).toBe('processing');
    clock.advance(DEFAULTS.leaseMs + 1);
    await completed;
    await runner.stop();
    expect(engineServicesForTests(engine).jobs.getJob(job.id)).toMatchObject({
      status: 'completed',
      attempts: 2,
    });
  });

  it('forgetting the account of a running job ends it quietly: the runner goes on, nothing is recorded as failed', async () => {
    const clock = fakeClock();
    const { executor, running } = untilAborted();
    const records: LogRecord[] = [];
    const engine = openEngine({
      clock: clock.clock,
      executors: { warm_cache: executor },
      heartbeatMs: 5,
      logger: createMemoryLogger(records),
    });
    const account = engineServicesForTests(engine).accounts.createAccount({
      address: 'ann@example.com',
      provider: 'import',
    });
    engineServicesForTests(engine).jobs.createJob({ type: 'warm_cache', accountId: account.id });
    const idle = engine.runner.runUntilIdle({ sleep: clock.sleep });
    await running;
    await engine.call('accounts.forget', { accountId: account.id });
    await idle;
    expect(engine.runner.runningJobIds).toEqual([]);
    expect((await engine.call('jobs.list', {})).total).toBe(0);
    expect(records.filter((record) => record.level === 'error')).toEqual([]);
    expect(records.map((record) => record.message)).toContain('job ended: it was removed with its account');
  });

  it('a running job learns of its cancellation at the next heartbeat and stops', async () => {
    const clock = fakeClock();
    const { executor, running } = untilAborted();
    const engine = openEngine({ clock: clock.clock, executors: { cleanup: executor }, heartbeatMs: 5 });
    const job = engineServicesForTests(engine).jobs.createJob({ type: 'cleanup' });
    const idle = engine.runner.runUntilIdle({ sleep: clock.sleep });
    await running;
    await engine.call('jobs.cancel', { jobId: job.id });
    await idle;
    expect(await engine.call('jobs.get', { jobId: job.id })).toMatchObject({ status: 'cancelled' });
    expect(engine.runner.runningJobIds).toEqual([]);
  });
});
