/**
 * `brief serve` against a hostile browser and hostile clients (issue 13, "The bridge and the
 * shell"): DNS rebinding (a foreign Host), cross-site pages (a foreign Origin), an oversized
 * WebSocket frame, job creation over the HTTP API that skips the contract's checks, bodies that
 * are not objects and paths that are not paths. Every refusal is typed, with a sentence; nothing
 * is written; the bridge keeps answering.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Bridge, startBridge } from '../../electron/cli/serve.ts';
import type { Engine } from '../../electron/engine/engine.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { openSuiteEngine, REPLY_WALK_PATHS, snapshotTables } from '../engine/helpers.ts';

let engine: Engine;
let bridge: Bridge;
let rendererDir: string;
let port: number;
let own: string;
let importedAccount: number;

interface Answer {
  status: number;
  body: { ok?: boolean; value?: unknown; error?: { code: string; message: string }; [key: string]: unknown };
}

/** One HTTP request with exactly these headers (fetch would not let a test set Host). */
function send(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string; token?: string | null } = {},
): Promise<Answer> {
  const token = options.token === undefined ? bridge.token : options.token;
  const headers: Record<string, string> = {
    host: `127.0.0.1:${port}`,
    'content-type': 'application/json',
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const json = response.headers['content-type']?.startsWith('application/json');
        resolve({ status: response.statusCode ?? 0, body: json ? JSON.parse(text) : { text } });
      });
    });
    outgoing.on('error', reject);
    outgoing.end(options.body);
  });
}

const rpc = (method: string, args: unknown, headers?: Record<string, string>) =>
  send('POST', '/rpc', { body: JSON.stringify({ method, args }), ...(headers ? { headers } : {}) });
const createJob = (body: unknown) => send('POST', '/api/analytics/jobs', { body: JSON.stringify(body) });

/** A typed refusal with a sentence a person can act on, never INTERNAL. */
function expectRefusal(answer: Answer, status: number, code: string, pattern?: RegExp): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.body.ok).toBe(false);
  expect(answer.body.error?.code).toBe(code);
  expect(answer.body.error?.message.length).toBeGreaterThan(30);
  if (pattern) expect(answer.body.error?.message).toMatch(pattern);
}

/** Opens the event socket with these handshake headers; resolves open, or the refusal's status. */
function openSocket(headers: Record<string, string>, token = bridge.token): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/events?token=${encodeURIComponent(token)}`, {
      headers,
    });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
    });
    socket.once('error', reject);
  });
}

beforeAll(async () => {
  engine = openSuiteEngine();
  const job = await engine.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
  await engine.runner.runUntilIdle();
  importedAccount = job.accountId!;
  rendererDir = mkdtempSync(join(tmpdir(), 'brief-reliability-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>360Brief</title>');
  bridge = await startBridge(engine, { port: 0, rendererDir });
  port = Number(new URL(bridge.url).port);
  own = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await bridge.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('DNS rebinding: only requests naming the bridge itself are answered', () => {
  const foreignHosts = () => [
    `attacker.example:${port}`,
    `127.0.0.1.attacker.example:${port}`,
    `127.0.0.1:${port + 1}`,
    '127.0.0.1',
    `localhost:${port}`,
  ];

  it('refuses a foreign Host on the page, /rpc and the API, and writes nothing', async () => {
    const before = snapshotTables(engine);
    for (const host of foreignHosts()) {
      expectRefusal(await send('GET', '/', { headers: { host } }), 403, 'AUTH_REQUIRED', /answers only at/);
      expectRefusal(await rpc('sync.start', { accountId: importedAccount }, { host }), 403, 'AUTH_REQUIRED');
      expectRefusal(await rpc('app.info', {}, { host }), 403, 'AUTH_REQUIRED');
      const created = await send('POST', '/api/analytics/jobs', {
        headers: { host },
        body: JSON.stringify({ type: 'cleanup' }),
      });
      expectRefusal(created, 403, 'AUTH_REQUIRED');
    }
    expect(snapshotTables(engine)).toEqual(before);
    expect(await send('GET', '/')).toMatchObject({
      status: 200,
      body: { text: expect.stringContaining('360Brief') },
    });
    expect((await rpc('app.info', {})).body.ok).toBe(true);
  });

  it('refuses a foreign Host on the event socket', async () => {
    for (const host of foreignHosts()) expect(await openSocket({ host, origin: own })).toBe(403);
  });
});

describe("cross-site pages: a sent Origin must be the bridge's own", () => {
  const foreignOrigins = () => [
    `http://attacker.example:${port}`,
    'null',
    `https://127.0.0.1:${port}`,
    `http://127.0.0.1:${port + 1}`,
  ];

  it('refuses /rpc and the API from another origin, even with the token', async () => {
    const before = snapshotTables(engine);
    for (const origin of foreignOrigins()) {
      expectRefusal(await rpc('jobs.list', {}, { origin }), 403, 'AUTH_REQUIRED', /pages other than/);
      const created = await send('POST', '/api/analytics/jobs', {
        headers: { origin },
        body: JSON.stringify({ type: 'cleanup' }),
      });
      expectRefusal(created, 403, 'AUTH_REQUIRED');
    }
    expect(snapshotTables(engine)).toEqual(before);
    expect((await rpc('app.info', {}, { origin: own })).body.ok).toBe(true);
  });

  it('refuses the event socket from another origin and accepts its own', async () => {
    for (const origin of foreignOrigins()) expect(await openSocket({ origin })).toBe(403);
    const socket = await openSocket({ origin: own });
    expect(socket).toBeInstanceOf(WebSocket);
    (socket as WebSocket).close();
  });
});

describe('the event socket caps what a client may send', () => {
  it('closes a socket that sends a 1 MB frame (1009) and keeps pushing to the others', async () => {
    const listener = (await openSocket({ origin: own })) as WebSocket;
    const events: unknown[] = [];
    listener.on('message', (data) => events.push(JSON.parse(String(data))));
    const flooder = (await openSocket({ origin: own })) as WebSocket;
    // A ping after the big frame: a server that read the frame through answers the ping first.
    const outcome = new Promise<string>((resolve) => {
      flooder.once('close', (code) => resolve(`closed ${code}`));
      flooder.once('pong', () => resolve('answered the ping'));
    });
    flooder.send('x'.repeat(1024 * 1024));
    flooder.ping();
    expect(await outcome).toBe('closed 1009');

    const arrived = new Promise<unknown>((resolve) =>
      listener.once('message', (data) => resolve(JSON.parse(String(data)))),
    );
    const created = await createJob({ type: 'warm_cache', accountId: importedAccount });
    expect(created.status).toBe(201);
    expect(await arrived).toMatchObject({ name: 'job-state', payload: { jobId: created.body.id } });
    await engine.runner.runUntilIdle();
    listener.close();
  });
});

describe('POST /api/analytics/jobs passes the checks of the methods it mirrors', () => {
  it('refuses what sync.start, import.start and analytics.report refuse, writing nothing', async () => {
    const before = snapshotTables(engine);
    const missing = join(rendererDir, 'no-such.mbox');
    const cases: Array<[unknown, number, string, RegExp]> = [
      [
        { type: 'fetch_messages', accountId: importedAccount },
        400,
        'UNSUPPORTED_INPUT',
        /imported mail, not a Gmail account/,
      ],
      [{ type: 'sync_history', accountId: importedAccount }, 400, 'UNSUPPORTED_INPUT', /not a Gmail account/],
      [{ type: 'fetch_messages', accountId: 'x' }, 400, 'VALIDATION', /accountId/],
      [
        { type: 'fetch_messages', accountId: importedAccount, metadata: { pageToken: 'forged' } },
        400,
        'VALIDATION',
        /does not take "metadata"/,
      ],
      [
        { type: 'import_mail', metadata: { paths: [missing], account: 'me@example.com' } },
        404,
        'NOT_FOUND',
        /Nothing to import/,
      ],
      [
        { type: 'import_mail', metadata: { paths: [], account: 'me@example.com' } },
        400,
        'VALIDATION',
        /import\.start: paths/,
      ],
      [
        { type: 'import_mail', metadata: { paths: REPLY_WALK_PATHS, account: 'not an address' } },
        400,
        'VALIDATION',
        /e-mail address/,
      ],
      [
        { type: 'import_mail', accountId: importedAccount, metadata: { paths: REPLY_WALK_PATHS } },
        400,
        'VALIDATION',
        /does not take "accountId"/,
      ],
      [
        {
          type: 'compute_analytics',
          accountId: importedAccount,
          metadata: { view: { range: { preset: 'forever' } } },
        },
        400,
        'VALIDATION',
        /analytics\.report: range/,
      ],
      [
        {
          type: 'compute_analytics',
          accountId: importedAccount,
          metadata: { view: { range: { from: '2026-02-30', to: '2026-03-02' } } },
        },
        400,
        'VALIDATION',
        /real calendar days/,
      ],
      [
        {
          type: 'compute_analytics',
          accountId: importedAccount,
          metadata: { view: { range: { preset: '7' }, timeZone: 'Mars/Base' } },
        },
        400,
        'VALIDATION',
        /IANA time zone/,
      ],
      [
        { type: 'compute_analytics', accountId: importedAccount, metadata: { cursor: 1 } },
        400,
        'VALIDATION',
        /"view"/,
      ],
      [{ type: 'warm_cache' }, 400, 'VALIDATION', /needs accountId/],
      [{ type: 'warm_cache', accountId: 999 }, 404, 'NOT_FOUND', /999/],
      [{ type: 'cleanup', accountId: importedAccount }, 400, 'VALIDATION', /covers every account/],
      [{ type: 'mine_bitcoin' }, 400, 'VALIDATION', /type must be one of/],
    ];
    for (const [body, status, code, pattern] of cases)
      expectRefusal(await createJob(body), status, code, pattern);
    expect(snapshotTables(engine)).toEqual(before);
  });

  it('creates the jobs those methods create', async () => {
    const imported = await createJob({
      type: 'import_mail',
      metadata: { paths: REPLY_WALK_PATHS, account: 'me@example.com' },
    });
    expect(imported).toMatchObject({
      status: 201,
      body: { type: 'import_mail', accountId: importedAccount },
    });
    const view = { range: { from: '2024-02-01', to: '2024-02-29' }, timeZone: 'Europe/London' };
    const computed = await createJob({
      type: 'compute_analytics',
      accountId: importedAccount,
      metadata: { view },
    });
    expect(computed).toMatchObject({ status: 201, body: { type: 'compute_analytics', metadata: { view } } });
    await engine.runner.runUntilIdle();
    expect(engineServicesForTests(engine).jobs.getJob(computed.body.id as number).status).toBe('completed');
  });
});

describe('bodies that are not objects and paths that are not paths', () => {
  it('answers VALIDATION, not INTERNAL', async () => {
    for (const body of ['null', '42', '"app.info"', '[]', 'true']) {
      expectRefusal(await send('POST', '/rpc', { body }), 400, 'VALIDATION', /must be a JSON object/);
      expectRefusal(
        await send('POST', '/api/analytics/jobs', { body }),
        400,
        'VALIDATION',
        /must be a JSON object/,
      );
    }
    for (const path of ['/%E0%A4%A', '/assets/%ZZ.js', '/%']) {
      expectRefusal(await send('GET', path, { token: null }), 400, 'VALIDATION', /malformed %-escape/);
    }
    for (const path of [
      '/api/analytics/jobs/99999999999999999999',
      '/api/analytics/jobs?limit=0x10',
      '/api/analytics/jobs?offset=1e3',
      '/api/analytics?account=0x1',
      '/api/analytics?account=%201',
    ]) {
      expectRefusal(await send('GET', path), 400, 'VALIDATION', /whole number/);
    }
    expect((await rpc('app.info', {})).body.ok).toBe(true);
  });
});
