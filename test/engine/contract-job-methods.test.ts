/**
 * The contract methods the original web app's HTTP API answers through (issue 17): `jobs.create`
 * for the jobs a caller queues by type, `analytics.cached` for a report the cache holds, and
 * `jobs.reportProgress`, which only a caller holding the service credential reaches. Each bad
 * input is refused with a sentence that says what to send instead, and nothing is written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import type { MethodName } from '../../shared/contract.ts';
import { DEFAULTS } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import { fakeClock, openSuiteEngine, REPLY_WALK_PATHS, snapshotTables } from './helpers.ts';

async function refusal(run: () => Promise<unknown>): Promise<BriefError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof BriefError) return error;
    throw error;
  }
  throw new Error('the call was answered, not refused');
}

describe('jobs.create, analytics.cached and jobs.reportProgress', () => {
  const time = fakeClock(Date.UTC(2026, 2, 1, 12));
  let engine: Engine;
  let accountId: number;
  const view = { range: { from: '2024-02-01', to: '2024-02-29' }, timeZone: 'Europe/London' };

  beforeAll(async () => {
    engine = openSuiteEngine({ clock: time.clock });
    const job = await engine.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
    await engine.runner.runUntilIdle({ sleep: time.sleep });
    accountId = job.accountId!;
  });

  it('refuses each bad input with a sentence a person can act on, writing nothing', async () => {
    const before = snapshotTables(engine);
    const cases: Array<[MethodName, unknown, string, RegExp]> = [
      [
        'jobs.create',
        { type: 'mine_bitcoin' },
        'VALIDATION',
        /type: use compute_analytics, warm_cache, cleanup/,
      ],
      ['jobs.create', { type: 'fetch_messages', accountId }, 'VALIDATION', /a sync starts with sync\.start/],
      ['jobs.create', { type: 'import_mail' }, 'VALIDATION', /an import with import\.start/],
      ['jobs.create', {}, 'VALIDATION', /jobs\.create: type/],
      ['jobs.create', { type: 'warm_cache' }, 'VALIDATION', /accountId: .*expected number/],
      ['jobs.create', { type: 'warm_cache', accountId: 987_654 }, 'NOT_FOUND', /987654/],
      ['jobs.create', { type: 'cleanup', accountId }, 'VALIDATION', /Unrecognized key: "accountId"/],
      [
        'jobs.create',
        { type: 'compute_analytics', accountId, view: { range: { preset: 'forever' } } },
        'VALIDATION',
        /view\.range/,
      ],
      [
        'jobs.create',
        { type: 'compute_analytics', accountId, view: { range: { from: '2026-02-30', to: '2026-03-02' } } },
        'VALIDATION',
        /real calendar days/,
      ],
      [
        'jobs.create',
        { type: 'compute_analytics', accountId, view: { range: { preset: '7' }, timeZone: 'Mars/Base' } },
        'VALIDATION',
        /IANA time zone/,
      ],
      ['jobs.create', { type: 'compute_analytics', accountId, metadata: {} }, 'VALIDATION', /"metadata"/],
      ['analytics.cached', { account: 987_654, range: { preset: 'all' } }, 'NOT_FOUND', /987654/],
      ['analytics.cached', { account: accountId, range: { preset: 'fortnight' } }, 'VALIDATION', /range/],
      [
        'analytics.cached',
        { account: accountId, range: { preset: 'all' }, asOf: '2026-01-01T00:00:00Z' },
        'VALIDATION',
        /Unrecognized key: "asOf"/,
      ],
      [
        'jobs.reportProgress',
        { jobId: 1, progress: { current: 1 } },
        'UNSUPPORTED_INPUT',
        /only be reported with the service token/,
      ],
      ['jobs.reportProgress', { jobId: 1, progress: { current: -1 } }, 'VALIDATION', /progress\.current/],
    ];
    for (const [name, args, code, sentence] of cases) {
      const error = await refusal(() => engine.call(name, args as never));
      expect({ name, args, code: error.code }).toEqual({ name, args, code });
      expect(error.message).toMatch(sentence);
    }
    expect(snapshotTables(engine)).toEqual(before);
  });

  it('jobs.create queues the job it names, with the view a compute_analytics job computes', async () => {
    const cleanup = await engine.call('jobs.create', { type: 'cleanup' });
    expect(cleanup).toMatchObject({ type: 'cleanup', accountId: null, status: 'pending' });
    const warm = await engine.call('jobs.create', { type: 'warm_cache', accountId });
    expect(warm).toMatchObject({ type: 'warm_cache', accountId, status: 'pending' });
    const compute = await engine.call('jobs.create', { type: 'compute_analytics', accountId, view });
    expect(compute).toMatchObject({ type: 'compute_analytics', accountId, metadata: { view } });
    await engine.runner.runUntilIdle({ sleep: time.sleep });
    for (const job of [cleanup, warm, compute])
      expect((await engine.call('jobs.get', { jobId: job.id })).status).toBe('completed');
  });

  it('analytics.cached answers null for a view never computed, without computing it', async () => {
    const never = { account: accountId, range: { from: '2023-01-01', to: '2023-01-31' }, timeZone: 'UTC' };
    const before = snapshotTables(engine);
    expect(await engine.call('analytics.cached', never)).toBeNull();
    expect(snapshotTables(engine)).toEqual(before);
    const computed = await engine.call('analytics.report', never);
    expect(await engine.call('analytics.cached', never)).toEqual({ ...computed, fromCache: true });
    // The view the compute_analytics job above computed is there too.
    expect(await engine.call('analytics.cached', { account: accountId, ...view })).toMatchObject({
      fromCache: true,
      report: { timeZone: 'Europe/London', range: { from: '2024-02-01T00:00:00.000Z' } },
    });
  });

  it('jobs.reportProgress answers a caller holding the service credential, on a job being run', async () => {
    const job = await engine.call('jobs.create', { type: 'cleanup' });
    const progress = { current: 5, total: 10, step: 'Cleaning up' };
    const early = await refusal(() =>
      engine.callAsService('jobs.reportProgress', { jobId: job.id, progress }),
    );
    expect(early.code).toBe('CONFLICT');
    // An external worker holds the job once this engine's reservation of it ran out.
    time.advance(DEFAULTS.leaseMs);
    engineServicesForTests(engine).jobs.claimNext('external-worker', { types: ['cleanup'] });
    const refused = await refusal(() => engine.call('jobs.reportProgress', { jobId: job.id, progress }));
    expect(refused.code).toBe('UNSUPPORTED_INPUT');
    const reported = await engine.callAsService('jobs.reportProgress', { jobId: job.id, progress });
    expect(reported).toMatchObject({ status: 'processing', current: 5, total: 10, percentage: 50 });
    const beyond = await refusal(() =>
      engine.callAsService('jobs.reportProgress', { jobId: job.id, progress: { current: 50 } }),
    );
    expect(beyond.message).toMatch(/50 is more than the total 10/);
  });
});
