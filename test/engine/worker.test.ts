/**
 * The engine through its real worker thread (electron/engine/worker.ts run by Node's type
 * stripping) on a real database file: an import job's progress and state arrive as events, the
 * report answers through the worker, and the supervisor restarts a killed worker and stops a
 * crash loop instead of spinning.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type SupervisorState, startWorkerHost, type WorkerHost } from '../../electron/engine/worker-host.ts';
import type { Events } from '../../shared/contract.ts';
import { BriefError } from '../../shared/errors.ts';
import { REPLY_WALK_PATHS, tempFolder } from './helpers.ts';

const ENGINE_WORKER = new URL('../../electron/engine/worker.ts', import.meta.url);
const UNRESPONSIVE_WORKER = new URL('./fixtures/unresponsive-worker.ts', import.meta.url);
const hosts: WorkerHost[] = [];

afterEach(async () => {
  for (const host of hosts.splice(0)) await host.shutdown(2000);
});

function start(
  options: {
    workerUrl?: URL;
    databasePath?: string;
    states?: SupervisorState[];
    onState?: (state: SupervisorState) => void;
    crashLoopExits?: number;
    callDeadlineMs?: number;
  } = {},
): WorkerHost {
  const databasePath = options.databasePath ?? join(tempFolder(), 'brief.db');
  const host = startWorkerHost({
    workerUrl: options.workerUrl ?? ENGINE_WORKER,
    startData: { databasePath, logFolder: join(tempFolder(), 'engine'), runJobs: true },
    // Restarts run at once: the test follows the supervisor's decisions, not its delays.
    schedule: (run) => run(),
    onStateChange: (state) => {
      options.states?.push(state);
      options.onState?.(state);
    },
    ...(options.crashLoopExits ? { crashLoopExits: options.crashLoopExits } : {}),
    ...(options.callDeadlineMs ? { callDeadlineMs: options.callDeadlineMs } : {}),
  });
  hosts.push(host);
  return host;
}

/** The reply-walk mailboxes, each written `copies` times into one file in a temporary folder. */
function repeatedMailboxes(copies: number): string[] {
  const folder = tempFolder();
  return REPLY_WALK_PATHS.map((source) => {
    const path = join(folder, basename(source));
    writeFileSync(path, readFileSync(source, 'utf8').repeat(copies));
    return path;
  });
}

/** Resolves with the job's terminal state event. */
function finishedJob(host: WorkerHost, jobId: () => number | null): Promise<Events['job-state']> {
  return new Promise((resolve) => {
    const stop = host.on('job-state', (event) => {
      if (event.jobId !== jobId() || !['completed', 'failed', 'cancelled'].includes(event.status)) return;
      stop();
      resolve(event);
    });
  });
}

describe('the engine worker thread', () => {
  it('runs an import job with progress events and answers the report through the worker', async () => {
    const host = start();
    await host.ready();
    expect(host.state).toBe('running');
    expect((await host.call('app.info', {})).engine).toBe('worker');

    let jobId: number | null = null;
    const progress: Events['job-progress'][] = [];
    host.on('job-progress', (event) => {
      if (event.jobId === jobId) progress.push(event);
    });
    const done = finishedJob(host, () => jobId);
    const job = await host.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
    jobId = job.id;
    expect(job.status).toBe('pending');

    const final = await done;
    expect(final).toMatchObject({ status: 'completed', type: 'import_mail', error: null });
    expect(progress.length).toBeGreaterThan(0);
    for (const event of progress) {
      expect(event.step).toEqual(expect.any(String));
      expect(event.step!.length).toBeGreaterThan(0);
    }
    expect(progress.at(-1)).toMatchObject({ percentage: 100, step: 'Working out threads and directions' });

    const stored = await host.call('jobs.get', { jobId: job.id });
    expect(stored.status).toBe('completed');
    // 25 messages read, one of them a copy of another (merged): 24 stored.
    expect(stored.metadata.summary).toMatchObject({ read: 25, imported: 24, duplicates: 1, skipped: 0 });

    const envelope = await host.call('analytics.report', {
      account: job.accountId!,
      range: { preset: 'all' },
      timeZone: 'UTC',
      asOf: '2025-03-21T12:00:00.000Z',
    });
    expect(envelope.report.coverage).toMatchObject({ messages: 24, sent: 11, received: 13 });
  });

  it('answers a bad call through the worker with a typed error', async () => {
    const host = start();
    await host.ready();
    await expect(host.call('jobs.get', { jobId: -1 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(host.call('jobs.get', { jobId: 4242 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await host.call('accounts.list', {})).length).toBe(0);
  });
});

describe('worker supervision', () => {
  it('rejects in-flight calls with a typed error when the worker dies', async () => {
    const host = start({ workerUrl: UNRESPONSIVE_WORKER });
    await host.ready();
    const inFlight = host.call('app.info', {});
    await host.kill();
    const error = await inFlight.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BriefError);
    expect(error).toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/stopped before answering/),
    });
  });

  it('ends a call the engine does not answer at its deadline, with a sentence, and the engine keeps running', async () => {
    const host = start({ workerUrl: UNRESPONSIVE_WORKER, callDeadlineMs: 50 });
    await host.ready();
    const error = await host.call('jobs.list', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BriefError);
    expect(error).toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/did not answer jobs\.list within 0\.05 s/),
    });
    expect(host.state).toBe('running');
  });

  it('restarts a killed worker, calls work again on the same data, and the job it was running completes', async () => {
    const states: SupervisorState[] = [];
    const databasePath = join(tempFolder(), 'brief.db');
    const host = start({ databasePath, states });
    await host.ready();
    let jobId: number | null = null;
    const running = new Promise<void>((resolve) => {
      const stop = host.on('job-progress', (event) => {
        if (event.jobId !== jobId) return;
        stop();
        resolve();
      });
    });
    // The two files' mail 500 times over (12,500 messages read, the copies merged as duplicates):
    // long enough that the kill sent at the first progress event lands before the import ends, even
    // on a loaded machine (with the files once, the import could finish first: one attempt). Two
    // large files, not the same two paths 500 times: the job's metadata holds its paths, and 1,000
    // of them passed its 64 KB limit when the clone lived in a longer folder.
    const paths = repeatedMailboxes(500);
    const job = await host.call('import.start', { paths, account: 'me@example.com' });
    jobId = job.id;
    // Killed while the import runs: the dead worker's runner still holds its lease.
    await running;
    const done = finishedJob(host, () => jobId);
    await host.kill();
    expect(states).toContain('restarting');
    await host.ready();
    expect(host.state).toBe('running');

    const accounts = await host.call('accounts.list', {});
    expect(accounts.map((account) => account.address)).toEqual(['me@example.com']);
    // The restarted worker runs under the same runner id: it takes the job back at once (not once
    // the 30 s lease runs out) and finishes it from the durable queue.
    // The job's error is part of what is compared, so a failure says why the job failed.
    expect(await done).toMatchObject({ status: 'completed', type: 'import_mail', error: null });
    const again = await host.call('jobs.get', { jobId: job.id });
    expect(again).toMatchObject({ status: 'completed', attempts: 2 });
    expect(again.metadata.summary).toMatchObject({ read: 25 * 500 });
    // Whatever the first attempt stored before the kill, nothing is lost or stored twice.
    expect((await host.call('messages.stats', { accountId: job.accountId! })).count).toBe(24);
  });

  it('stops restarting after repeated crashes and says so', async () => {
    const states: SupervisorState[] = [];
    let crashLoop = () => {};
    const looping = new Promise<void>((resolve) => {
      crashLoop = resolve;
    });
    // A folder where the database file should be: every start fails to open it.
    const host = start({
      databasePath: tempFolder(),
      states,
      onState: (state) => state === 'crash-loop' && crashLoop(),
      crashLoopExits: 3,
    });
    await expect(host.ready()).rejects.toBeInstanceOf(BriefError);
    await looping;
    expect(states.filter((state) => state === 'restarting')).toHaveLength(2);
    expect(states.at(-1)).toBe('crash-loop');
    await expect(host.ready()).rejects.toMatchObject({ code: 'INTERNAL' });
    await expect(host.call('app.info', {})).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/keeps stopping/),
    });
  });
});
