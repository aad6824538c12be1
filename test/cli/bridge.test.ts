/**
 * The browser bridge (`brief serve`): the token guards /rpc, /api and the event WebSocket; the
 * contract answers over POST /rpc; events arrive over the WebSocket; and the original web app's
 * HTTP API (analytics jobs and cached analytics) behaves as it did.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { vaultPath } from '../../electron/cli/google-config.ts';
import type { Bridge } from '../../electron/cli/serve.ts';
import type { Engine } from '../../electron/engine/engine.ts';
import { FileVault } from '../../electron/engine/index.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { hostOnlyRefusal } from '../../shared/contract.ts';
import { DEFAULTS, type Job } from '../../shared/domain.ts';
import type { FakeClock } from '../engine/helpers.ts';
import { bridgePerTest } from './bridge-harness.ts';

const harness = bridgePerTest();
let engine: Engine;
let bridge: Bridge;
let clock: FakeClock;
let base: string;

beforeEach(() => {
  ({ engine, bridge, clock, base } = harness);
});

/** The fields of the bridge's JSON answers these tests read. */
interface ApiBody {
  id: number;
  jobId: number;
  total: number;
  jobs: Job[];
  error: { code: string };
}

async function request(
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: ApiBody }> {
  const token = options.token === undefined ? bridge.token : options.token;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(options.rawBody !== undefined
      ? { body: options.rawBody }
      : options.body !== undefined
        ? { body: JSON.stringify(options.body) }
        : {}),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as ApiBody };
}

/** Opens the event socket; resolves once open, or rejects when the server refuses it. */
function openSocket(
  token: string,
): Promise<{ socket: WebSocket; messages: unknown[]; next: () => Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${base.replace('http', 'ws')}/events?token=${encodeURIComponent(token)}`);
    const messages: unknown[] = [];
    let waiter: ((value: unknown) => void) | null = null;
    socket.addEventListener('message', (event) => {
      const value = JSON.parse(String(event.data));
      messages.push(value);
      waiter?.(value);
      waiter = null;
    });
    socket.addEventListener('open', () =>
      resolve({
        socket,
        messages,
        next: () =>
          new Promise((done) => {
            waiter = done;
          }),
      }),
    );
    socket.addEventListener('error', () => reject(new Error('refused')));
  });
}

describe('the bridge token', () => {
  it('refuses /rpc and /api without the token or with a wrong one', async () => {
    for (const token of [null, 'wrong-token', `${bridge.token}x`, '']) {
      const rpc = await request('POST', '/rpc', { token, body: { method: 'app.info', args: {} } });
      expect(rpc.status).toBe(401);
      expect(rpc.body.error.code).toBe('AUTH_REQUIRED');
      expect((await request('GET', '/api/analytics/jobs', { token })).status).toBe(401);
    }
    const query = await fetch(`${base}/api/analytics/jobs?token=nope`);
    expect(query.status).toBe(401);
  });

  it('refuses the event WebSocket without the right token', async () => {
    await expect(openSocket('wrong')).rejects.toThrow('refused');
    await expect(openSocket(bridge.serviceToken)).rejects.toThrow('refused');
  });

  it('serves the dashboard page with a strict CSP', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
    expect(await response.text()).toContain('360Brief');
    const traversal = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    expect(await traversal.text()).toContain('360Brief');
  });
});

describe('the contract over /rpc and events over the WebSocket', () => {
  it('answers calls with a result or a typed error', async () => {
    const info = await request('POST', '/rpc', { body: { method: 'app.info', args: {} } });
    expect(info).toMatchObject({ status: 200, body: { ok: true, value: { engine: 'in-process' } } });
    const bad = await request('POST', '/rpc', { body: { method: 'jobs.get', args: { jobId: 'x' } } });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const unknown = await request('POST', '/rpc', { body: { method: 'drop.everything' } });
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const missing = await request('POST', '/rpc', { body: { method: 'jobs.get', args: { jobId: 77 } } });
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await request('POST', '/rpc', { rawBody: '{not json' })).status).toBe(400);
    expect((await request('GET', '/rpc')).status).toBe(405);
  });

  it('answers the methods the contract marks for the host: forget drops the token from the CLI vault too', async () => {
    const { databasePath } = await engine.call('app.info', {});
    const vault = new FileVault(vaultPath(databasePath));
    vault.set('me@example.com', { refreshToken: 'refresh-me', scope: 'gmail.metadata' });
    vault.set('other@example.com', { refreshToken: 'refresh-other', scope: 'gmail.metadata' });
    const account = await engine.call('accounts.registerGmail', { address: 'me@example.com' });
    const forgot = await request('POST', '/rpc', {
      body: { method: 'accounts.forget', args: { accountId: account.id } },
    });
    expect(forgot.body).toMatchObject({ ok: true, value: { accountId: account.id, forgotten: true } });
    expect(vault.addresses()).toEqual(['other@example.com']);
    expect(await engine.call('accounts.list', {})).toEqual([]);
    // What only the desktop app can do is refused with the contract's sentence for elsewhere.
    for (const method of ['brief.saveDigest', 'diagnostics.export', 'import.choosePaths'] as const) {
      const args =
        method === 'brief.saveDigest'
          ? { account: 'all' }
          : method === 'import.choosePaths'
            ? { folders: false }
            : {};
      const refused = await request('POST', '/rpc', { body: { method, args } });
      expect(refused.body).toEqual({
        ok: false,
        error: { code: 'UNSUPPORTED_INPUT', message: hostOnlyRefusal(method).message },
      });
    }
  });

  it('pushes engine events to the WebSocket', async () => {
    const { socket, next } = await openSocket(bridge.token);
    const arrived = next();
    const created = await request('POST', '/api/analytics/jobs', { body: { type: 'cleanup' } });
    expect(await arrived).toEqual({
      name: 'job-state',
      payload: { jobId: created.body.id, accountId: null, type: 'cleanup', status: 'pending', error: null },
    });
    socket.close();
  });
});

describe('the HTTP API of the original web app', () => {
  it('creates, lists, reads, reports progress on and cancels analytics jobs', async () => {
    const account = engineServicesForTests(engine).accounts.createAccount({
      address: 'owner@example.com',
      provider: 'gmail',
    });

    expect((await request('POST', '/api/analytics/jobs', { body: { type: 'mine_bitcoin' } })).status).toBe(
      400,
    );
    expect((await request('POST', '/api/analytics/jobs', { body: {} })).status).toBe(400);
    expect((await request('POST', '/api/analytics/jobs', { rawBody: '[' })).status).toBe(400);
    expect(
      (await request('POST', '/api/analytics/jobs', { body: { type: 'warm_cache', accountId: 999 } })).status,
    ).toBe(404);
    expect(
      (await request('POST', '/api/analytics/jobs', { body: { type: 'cleanup', priority: 'high' } })).status,
    ).toBe(400);

    const sync = await request('POST', '/api/analytics/jobs', {
      body: { type: 'fetch_messages', accountId: account.id },
    });
    expect(sync).toMatchObject({ status: 201, body: { type: 'fetch_messages', status: 'pending' } });
    const duplicate = await request('POST', '/api/analytics/jobs', {
      body: { type: 'sync_history', accountId: account.id },
    });
    expect(duplicate).toMatchObject({ status: 409, body: { ok: false, error: { code: 'CONFLICT' } } });
    const cleanup = await request('POST', '/api/analytics/jobs', { body: { type: 'cleanup' } });
    expect(cleanup.status).toBe(201);

    const byType = await request('GET', '/api/analytics/jobs?type=fetch_messages');
    expect(byType.body.total).toBe(1);
    expect(byType.body.jobs.map((job: Job) => job.id)).toEqual([sync.body.id]);
    const page = await request('GET', '/api/analytics/jobs?status=pending&limit=1&offset=1');
    expect(page.body.total).toBe(2);
    expect(page.body.jobs).toHaveLength(1);
    expect((await request('GET', '/api/analytics/jobs?status=exploded')).status).toBe(400);
    expect((await request('GET', '/api/analytics/jobs?limit=-4')).status).toBe(400);

    // An external worker holds the sync job (once the bridge's own runner let its reservation of
    // the job run out) and reports its progress with the service token.
    clock.advance(DEFAULTS.leaseMs);
    engineServicesForTests(engine).jobs.claimNext('external-worker', { types: ['fetch_messages'] });
    const progress = { current: 5, total: 10, step: 'Fetching message headers' };
    const refused = await request('PATCH', `/api/analytics/jobs/${sync.body.id}`, { body: progress });
    expect(refused.status).toBe(403);
    const patched = await request('PATCH', `/api/analytics/jobs/${sync.body.id}`, {
      token: bridge.serviceToken,
      body: progress,
    });
    expect(patched).toMatchObject({ status: 200, body: { current: 5, total: 10, percentage: 50 } });
    const badProgress = await request('PATCH', `/api/analytics/jobs/${sync.body.id}`, {
      token: bridge.serviceToken,
      body: { current: 50, total: 10 },
    });
    expect(badProgress.status).toBe(400);

    const read = await request('GET', `/api/analytics/jobs/${sync.body.id}`);
    expect(read.body).toMatchObject({
      status: 'processing',
      percentage: 50,
      step: 'Fetching message headers',
    });
    expect((await request('GET', '/api/analytics/jobs/424242')).status).toBe(404);

    const cancelled = await request('DELETE', `/api/analytics/jobs/${sync.body.id}`);
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    expect((await request('DELETE', `/api/analytics/jobs/${sync.body.id}`)).status).toBe(409);
    expect((await request('PUT', '/api/analytics/elsewhere')).status).toBe(404);
  });

  it('answers analytics 202 with a job on a miss, and 200 from the cache once the job ran', async () => {
    const account = engineServicesForTests(engine).accounts.createAccount({
      address: 'owner@example.com',
      provider: 'gmail',
    });
    const path = `/api/analytics?account=${account.id}&range=30&tz=UTC`;
    const miss = await request('GET', path);
    expect(miss).toMatchObject({ status: 202, body: { status: 'pending' } });
    const again = await request('GET', path);
    expect(again.body.jobId).toBe(miss.body.jobId);

    await engine.runner.runUntilIdle({ sleep: clock.sleep });
    expect(engineServicesForTests(engine).jobs.getJob(miss.body.jobId).status).toBe('completed');
    const hit = await request('GET', path);
    expect(hit).toMatchObject({
      status: 200,
      body: { fromCache: true, report: { account: 'owner@example.com' } },
    });

    // A view the warm-up does not cover (today, in a zone other than the default) is the one computed.
    const today = `/api/analytics?account=${account.id}&range=today&tz=Pacific%2FAuckland`;
    const todayMiss = await request('GET', today);
    expect(todayMiss.status).toBe(202);
    await engine.runner.runUntilIdle({ sleep: clock.sleep });
    expect(await request('GET', today)).toMatchObject({
      status: 200,
      body: { report: { timeZone: 'Pacific/Auckland', range: { preset: 'today' } } },
    });

    expect((await request('GET', '/api/analytics?account=abc')).status).toBe(400);
    // The range and the zone are checked by analytics.report's own schema: no job is queued for a view that cannot be.
    for (const query of ['range=fortnight', 'range=30&tz=Mars%2FOlympus'])
      expect(await request('GET', `/api/analytics?account=${account.id}&${query}`)).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION' } },
      });
    expect((await request('GET', `/api/analytics?account=${account.id}&range=forever`)).status).toBe(400);
    expect((await request('GET', '/api/analytics?account=999')).status).toBe(404);
  });
});
