/** The stores of what the engine said: accounts, jobs, reports and drill-downs, fed by calls and events. */
import { describe, expect, it } from 'vitest';
import { useAccounts } from '../../renderer/src/state/accounts-store.ts';
import { useDrilldown } from '../../renderer/src/state/drilldown-store.ts';
import { useJobs } from '../../renderer/src/state/jobs-store.ts';
import type { ReportRequest } from '../../renderer/src/state/report-request.ts';
import { requestKey } from '../../renderer/src/state/report-request.ts';
import { useReports } from '../../renderer/src/state/report-store.ts';
import { wireEvents } from '../../renderer/src/state/wire-events.ts';
import type { DrilldownPage, ReportEnvelope } from '../../shared/analytics-types.ts';
import { BriefError } from '../../shared/errors.ts';
import { deferred, installFakeApi } from './fake-api.ts';
import { ACCOUNT, busyReport, emptyReport, envelopeOf, job, SETTINGS } from './reports.ts';

const notFound = () => {
  throw new BriefError('NOT_FOUND', 'There is no such thing.');
};

describe('accounts store', () => {
  it('loads the accounts, and keeps a failure as its error', async () => {
    const fake = installFakeApi({ 'accounts.list': () => [ACCOUNT] });
    await useAccounts.getState().load();
    expect(useAccounts.getState().accounts).toEqual([ACCOUNT]);
    fake.handle({ 'accounts.list': notFound });
    await useAccounts.getState().load();
    expect(useAccounts.getState()).toMatchObject({ accounts: [ACCOUNT], error: { code: 'NOT_FOUND' } });
  });

  it('replaces or adds an account, removes one, and follows sync-state events', () => {
    installFakeApi();
    const state = useAccounts.getState();
    state.replace(ACCOUNT);
    state.replace({ ...ACCOUNT, id: 2, address: 'two@example.com' });
    state.replace({ ...ACCOUNT, identities: ['me@example.com', 'me@old.example'] });
    expect(useAccounts.getState().accounts?.map((a) => [a.id, a.identities.length])).toEqual([
      [1, 2],
      [2, 1],
    ]);
    state.setSyncState(2, 'waiting-for-quota');
    expect(useAccounts.getState().accounts?.[1]?.syncState).toBe('waiting-for-quota');
    state.remove(1);
    expect(useAccounts.getState().accounts?.map((a) => a.id)).toEqual([2]);
  });
});

/** A job whose row is read twice, each answer settled by the test, in order. */
function twoRowReads() {
  const rows = [deferred<ReturnType<typeof job>>(), deferred<ReturnType<typeof job>>()];
  let reads = 0;
  const fake = installFakeApi({
    'jobs.get': () => rows[reads++]!.promise,
    'accounts.list': () => [ACCOUNT],
    'settings.get': () => SETTINGS,
  });
  return { fake, rows, asked: () => reads };
}

describe('jobs store', () => {
  it('loads the jobs and acts on one', async () => {
    const fake = installFakeApi({
      'jobs.list': () => ({ jobs: [job({ id: 4 })], total: 12 }),
      'jobs.pause': ({ jobId }) => job({ id: jobId, status: 'paused' }),
      'jobs.cancel': notFound,
    });
    await useJobs.getState().load();
    expect(useJobs.getState()).toMatchObject({ total: 12, jobs: { 4: { status: 'pending' } } });
    await useJobs.getState().act(4, 'pause');
    expect(useJobs.getState().jobs[4]?.status).toBe('paused');
    await useJobs.getState().act(4, 'cancel');
    expect(useJobs.getState().error?.code).toBe('NOT_FOUND');
    expect(fake.argsOf('jobs.list')).toEqual([{ limit: 100 }]);
  });

  it('follows job-progress and job-state events, reading the row where the event says too little', async () => {
    const row = deferred<ReturnType<typeof job>>();
    const fake = installFakeApi({
      'jobs.list': () => ({ jobs: [job({ id: 1 })], total: 1 }),
      'jobs.get': ({ jobId }) => (jobId === 1 ? row.promise : job({ id: jobId, type: 'sync_history' })),
      'accounts.list': () => [ACCOUNT],
      'settings.get': () => SETTINGS,
    });
    await useJobs.getState().load();
    const unwire = wireEvents();
    const progress = {
      jobId: 1,
      accountId: 1,
      current: 5,
      total: 20,
      percentage: 25,
      step: 'Reading',
      etaSeconds: 9,
    };
    fake.emit('job-progress', progress);
    expect(useJobs.getState().jobs[1]).toMatchObject({ status: 'processing', current: 5, percentage: 25 });
    expect(useJobs.getState().progress[1]).toEqual(progress);

    // A job the store has not seen yet is read whole.
    fake.emit('job-progress', { ...progress, jobId: 2 });
    await expect.poll(() => useJobs.getState().jobs[2]?.type).toBe('sync_history');

    fake.emit('job-state', {
      jobId: 1,
      accountId: 1,
      type: 'import_mail',
      status: 'failed',
      error: { code: 'UNSUPPORTED_INPUT', message: 'Not a mailbox.' },
    });
    expect(useJobs.getState().jobs[1]).toMatchObject({
      status: 'failed',
      error: { code: 'UNSUPPORTED_INPUT' },
    });
    row.resolve(job({ id: 1, status: 'failed', attempts: 1 }));
    await expect.poll(() => useJobs.getState().jobs[1]?.attempts).toBe(1);
    // A finished job may have made an account: the accounts are read again.
    await expect.poll(() => fake.argsOf('accounts.list').length).toBe(1);
    unwire();
    fake.emit('job-state', { jobId: 1, accountId: 1, type: 'import_mail', status: 'completed', error: null });
    expect(useJobs.getState().jobs[1]?.status).toBe('failed');
  });

  it('ends on the last word: a row read while the job was running does not undo the end that came after', async () => {
    // An import so small that its end arrives while the page is still reading the row its first
    // progress asked for (the page opened the import, so the store has not seen the job yet).
    const { fake, rows, asked } = twoRowReads();
    const unwire = wireEvents();
    fake.emit('job-progress', {
      jobId: 7,
      accountId: 1,
      current: 10,
      total: 10,
      percentage: 100,
      step: 'Working out threads and directions',
      etaSeconds: 0,
    });
    fake.emit('job-state', { jobId: 7, accountId: 1, type: 'import_mail', status: 'completed', error: null });
    rows[0]!.resolve(job({ id: 7, type: 'import_mail', status: 'processing' }));
    await expect.poll(asked).toBe(2);
    rows[1]!.resolve(job({ id: 7, type: 'import_mail', status: 'completed' }));
    await expect.poll(() => useJobs.getState().jobs[7]?.status).toBe('completed');
    // Its result is shown once, though the stale row made it look active again for a moment.
    expect(useJobs.getState().endedImports.filter((id) => id === 7)).toHaveLength(1);
    unwire();
  });

  it('shows an import that the page started once, when a stale row comes between its two ends', async () => {
    const { fake, rows, asked } = twoRowReads();
    const unwire = wireEvents();
    // As the Add-mail form does with the job its import call answered.
    useJobs.getState().upsert(job({ id: 8, type: 'import_mail', status: 'pending' }));
    const state = { jobId: 8, accountId: 1, type: 'import_mail', error: null } as const;
    fake.emit('job-state', { ...state, status: 'processing' });
    fake.emit('job-state', { ...state, status: 'completed' });
    expect(useJobs.getState().endedImports).toEqual([8]);
    rows[0]!.resolve(job({ id: 8, type: 'import_mail', status: 'processing' }));
    await expect.poll(asked).toBe(2);
    rows[1]!.resolve(job({ id: 8, type: 'import_mail', status: 'completed' }));
    await expect.poll(() => useJobs.getState().jobs[8]?.status).toBe('completed');
    expect(useJobs.getState().endedImports).toEqual([8]);
    unwire();
  });

  it('reloads jobs, accounts and settings when the event stream reconnects', async () => {
    const fake = installFakeApi({
      'jobs.list': () => ({ jobs: [], total: 0 }),
      'accounts.list': () => [ACCOUNT],
      'settings.get': () => SETTINGS,
    });
    const unwire = wireEvents();
    fake.reconnect();
    await expect
      .poll(() => fake.calls.map((call) => call.name).sort())
      .toEqual(['accounts.list', 'jobs.list', 'settings.get']);
    unwire();
  });
});

describe('report store', () => {
  const request: ReportRequest = { account: 1, range: { preset: '30' }, timeZone: 'UTC' };
  const key = requestKey(request);

  it('keeps the envelope per request, and the last one shown when a later fetch fails', async () => {
    const fake = installFakeApi({ 'analytics.report': () => envelopeOf(busyReport()) });
    await useReports.getState().fetch(request);
    expect(useReports.getState().envelopes[key]?.report.coverage.messages).toBe(11);
    expect(useReports.getState().loading[key]).toBe(false);
    fake.handle({
      'analytics.report': () => {
        throw new BriefError('NETWORK', 'The 360Brief service is not answering.');
      },
    });
    await useReports.getState().fetch(request);
    expect(useReports.getState().errors[key]?.code).toBe('NETWORK');
    expect(useReports.getState().envelopes[key]?.report.coverage.messages).toBe(11);
  });

  it('runs a fetch asked for while one is in flight once more after it, not once per ask', async () => {
    const answers = [deferred<ReportEnvelope>(), deferred<ReportEnvelope>()];
    const fake = installFakeApi({ 'analytics.report': () => answers[fake.calls.length - 1]!.promise });
    const first = useReports.getState().fetch(request);
    expect(useReports.getState().loading[key]).toBe(true);
    void useReports.getState().fetch(request);
    void useReports.getState().fetch(request);
    answers[0]!.resolve(envelopeOf(emptyReport()));
    await expect.poll(() => fake.calls.length).toBe(2);
    answers[1]!.resolve(envelopeOf(busyReport()));
    await first;
    expect(fake.calls).toHaveLength(2);
    expect(useReports.getState().envelopes[key]?.report.coverage.messages).toBe(11);
  });
});

describe('drill-down store', () => {
  const request: ReportRequest = { account: 'all', range: { preset: '7' }, timeZone: 'UTC' };
  const page = (total: number): DrilldownPage => ({ total, page: 0, pageSize: 50, messages: [] });

  it('asks for the messages behind the target, page by page', async () => {
    const fake = installFakeApi({ 'analytics.drilldown': ({ page: n }) => ({ ...page(120), page: n ?? 0 }) });
    useDrilldown
      .getState()
      .open({ title: 'From ann', figure: 'topSenders', key: 'ann@acme.example', request });
    await expect.poll(() => useDrilldown.getState().page?.total).toBe(120);
    await useDrilldown.getState().goTo(2);
    expect(useDrilldown.getState().page?.page).toBe(2);
    expect(fake.argsOf('analytics.drilldown')).toEqual([
      { ...request, figure: 'topSenders', key: 'ann@acme.example', page: 0, pageSize: 50 },
      { ...request, figure: 'topSenders', key: 'ann@acme.example', page: 2, pageSize: 50 },
    ]);
    useDrilldown.getState().close();
    expect(useDrilldown.getState()).toMatchObject({ target: null, page: null, loading: false });
  });

  it('drops an answer for a target that is no longer open, and keeps an error for the open one', async () => {
    const slow = deferred<DrilldownPage>();
    installFakeApi({
      'analytics.drilldown': ({ key }) => {
        if (key === 'slow') return slow.promise;
        throw new BriefError('NOT_FOUND', 'That cell has no messages any more.');
      },
    });
    useDrilldown.getState().open({ title: 'Slow', figure: 'labels', key: 'slow', request });
    useDrilldown
      .getState()
      .open({ title: 'Gone', figure: 'volume', key: 'gone', direction: 'sent', request });
    await expect.poll(() => useDrilldown.getState().error?.code).toBe('NOT_FOUND');
    slow.resolve(page(3));
    await slow.promise;
    expect(useDrilldown.getState()).toMatchObject({ page: null, target: { title: 'Gone' } });
  });
});
