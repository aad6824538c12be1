/**
 * Several processes share one database: what an engine queues is reserved for its own runner for
 * one lease, so a command runs the job it started and a `brief serve` beside it does not take it;
 * a closing engine frees its reservations, a dead one's run out; an interrupted sync is taken over.
 */
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { openDatabase } from '../../electron/engine/db/open.ts';
import { JobService } from '../../electron/engine/jobs/job-service.ts';
import { DEFAULTS } from '../../shared/domain.ts';
import { openTemp, track } from './helpers.ts';

/** Two engines' job services on one file, as a command and `brief serve` would have. */
function twoProcesses() {
  const { store, path, clock } = openTemp();
  const other = track(openDatabase(path, { clock: clock.clock }));
  const account = new AccountService(store).createAccount({ address: 'ann@example.com', provider: 'gmail' });
  return {
    clock,
    account,
    command: new JobService(store, { owner: 'command' }),
    served: new JobService(other, { owner: 'served' }),
  };
}

describe('job reservations', () => {
  it('a job is claimed by the runner whose engine queued it; another gets it only once the reservation ran out', () => {
    const { clock, command, served } = twoProcesses();
    const job = command.createJob({ type: 'cleanup' });
    expect(served.claimNext('served')).toBeNull();
    expect(served.nextDueAt('served')).toBe(clock.now + DEFAULTS.leaseMs);
    expect(command.nextDueAt('command')).toBe(clock.now);
    clock.advance(DEFAULTS.leaseMs);
    expect(served.claimNext('served')).toMatchObject({ id: job.id, status: 'processing' });
  });

  it("a runner starting under a dead runner's id takes back its running jobs at once; others' leases stand", () => {
    const { command, served } = twoProcesses();
    const mine = command.createJob({ type: 'cleanup' });
    const theirs = served.createJob({ type: 'warm_cache' });
    expect(command.claimNext('command')).toMatchObject({ id: mine.id, status: 'processing' });
    expect(served.claimNext('served')).toMatchObject({ id: theirs.id, status: 'processing' });
    // The process died; its successor (the same worker id) starts before the 30 s lease ran out.
    expect(command.recoverLeasesHeldBy('command')).toBe(1);
    expect(command.getJob(mine.id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(command.getJob(theirs.id).status).toBe('processing');
    expect(command.claimNext('command')).toMatchObject({ id: mine.id, attempts: 2 });
  });

  it('claims only the jobs asked for by id', () => {
    const { command } = twoProcesses();
    const first = command.createJob({ type: 'cleanup' });
    const second = command.createJob({ type: 'cleanup' });
    expect(command.claimNext('command', { ids: [second.id] })).toMatchObject({ id: second.id });
    expect(command.claimNext('command', { ids: [second.id] })).toBeNull();
    expect(command.getJob(first.id).status).toBe('pending');
  });

  it('a failed attempt stays reserved for the runner that retries it', () => {
    const { clock, command, served } = twoProcesses();
    const job = command.createJob({ type: 'cleanup' });
    command.claimNext('command');
    const retried = command.failJob(job.id, { code: 'NETWORK', message: 'Gmail could not be reached.' });
    clock.advance(Date.parse(retried.runAfter!) - clock.now);
    expect(served.claimNext('served')).toBeNull();
    expect(command.claimNext('command')).toMatchObject({ id: job.id, attempts: 2 });
  });

  it('a closing engine frees its reservations at once', () => {
    const { command, served } = twoProcesses();
    const job = command.createJob({ type: 'cleanup' });
    expect(command.dropReservations()).toBe(1);
    expect(served.claimNext('served')).toMatchObject({ id: job.id });
  });

  it("queueSync resumes the account's interrupted sync once its lease ran out, keeping its cursor", () => {
    const { clock, account, command, served } = twoProcesses();
    const job = served.createJob({ type: 'fetch_messages', accountId: account.id });
    served.claimNext('served');
    served.setCursor(job.id, { pageToken: 'page-7' });
    // The serving process dies here. While its lease runs, the sync is its.
    expect(() => command.queueSync(account.id, 'fetch_messages')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    clock.advance(DEFAULTS.leaseMs + 1);
    const resumed = command.queueSync(account.id, 'fetch_messages');
    expect(resumed).toMatchObject({
      id: job.id,
      status: 'pending',
      metadata: { cursor: { pageToken: 'page-7' } },
    });
    expect(command.claimNext('command')).toMatchObject({ id: job.id, attempts: 2 });
  });

  it('queueSync refuses while a live engine has the sync queued, running or paused, and takes over one whose engine closed', () => {
    const { account, command, served } = twoProcesses();
    const queued = served.queueSync(account.id, 'fetch_messages');
    expect(() => command.queueSync(account.id, 'fetch_messages')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    expect(() => served.queueSync(account.id, 'fetch_messages')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    served.pauseJob(queued.id);
    expect(() => command.queueSync(account.id, 'fetch_messages')).toThrow(
      expect.objectContaining({ code: 'CONFLICT' }),
    );
    served.resumeJob(queued.id);
    served.dropReservations();
    expect(command.queueSync(account.id, 'sync_history')).toMatchObject({
      id: queued.id,
      type: 'fetch_messages',
    });
    expect(served.claimNext('served')).toBeNull();
    command.cancelJob(queued.id);
    expect(command.queueSync(account.id, 'sync_history')).toMatchObject({
      type: 'sync_history',
      status: 'pending',
    });
  });
});
