import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type BridgeStatus, createBridgeClient } from '../../renderer/src/api/bridge-client.ts';
import { BriefError } from '../../shared/errors.ts';

/** A socket double: the test opens, feeds and drops it by hand. */
class FakeSocket {
  static made: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((message: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  readonly url: string;
  constructor(url: string) {
    this.url = url;
    FakeSocket.made.push(this);
  }
  close() {
    this.closed = true;
    this.onclose?.();
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function client(fetchImpl: typeof fetch, statuses: BridgeStatus[] = [], onReconnect = () => undefined) {
  return createBridgeClient({
    origin: 'http://127.0.0.1:4000',
    token: 't0k',
    fetchImpl,
    createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
    onStatus: (status) => statuses.push(status),
    onReconnect,
    minDelayMs: 100,
    maxDelayMs: 400,
  });
}

beforeEach(() => {
  FakeSocket.made = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('bridge client calls', () => {
  it('posts the method and args with the bearer token and answers the value', async () => {
    const fetchImpl = vi.fn(async () => json(200, { ok: true, value: [{ id: 1 }] }));
    const api = client(fetchImpl as unknown as typeof fetch);
    await expect(api.call('accounts.list', {})).resolves.toEqual([{ id: 1 }]);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:4000/rpc');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer t0k');
    expect(JSON.parse(init.body as string)).toEqual({ method: 'accounts.list', args: {} });
    api.close();
  });

  it('turns an error outcome into a BriefError with its code and sentence', async () => {
    const api = client(async () =>
      json(200, { ok: false, error: { code: 'NOT_FOUND', message: 'No job 9.' } }),
    );
    const error = await api.call('jobs.get', { jobId: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BriefError);
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'No job 9.' });
    api.close();
  });

  it('reports a refused token as unauthorized', async () => {
    const statuses: BridgeStatus[] = [];
    const api = client(
      async () => json(401, { ok: false, error: { code: 'AUTH_REQUIRED', message: 'Wrong token.' } }),
      statuses,
    );
    await expect(api.call('accounts.list', {})).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(statuses.at(-1)).toEqual({ reachable: true, authorized: false });
    api.close();
  });

  it('reports an unreachable bridge as offline with a NETWORK error', async () => {
    const statuses: BridgeStatus[] = [];
    const api = client(async () => {
      throw new TypeError('fetch failed');
    }, statuses);
    await expect(api.call('accounts.list', {})).rejects.toMatchObject({ code: 'NETWORK' });
    expect(statuses.at(-1)).toEqual({ reachable: false, authorized: true });
    api.close();
  });
});

describe('bridge client events', () => {
  it('delivers frames to the listeners of their name and ignores junk', () => {
    const api = client(async () => json(200, { ok: true, value: null }));
    const seen: unknown[] = [];
    const off = api.on('data-changed', (payload) => seen.push(payload));
    const socket = FakeSocket.made[0]!;
    expect(socket.url).toBe('ws://127.0.0.1:4000/events?token=t0k');
    socket.onopen?.();
    socket.onmessage?.({
      data: JSON.stringify({ name: 'data-changed', payload: { accountId: 1, dataVersion: 2 } }),
    });
    socket.onmessage?.({ data: JSON.stringify({ name: 'job-state', payload: {} }) });
    socket.onmessage?.({ data: 'not json' });
    off();
    socket.onmessage?.({
      data: JSON.stringify({ name: 'data-changed', payload: { accountId: 1, dataVersion: 3 } }),
    });
    expect(seen).toEqual([{ accountId: 1, dataVersion: 2 }]);
    api.close();
  });

  it('reconnects with doubling delays up to the cap, and says when events may have been missed', () => {
    const statuses: BridgeStatus[] = [];
    const reconnect = vi.fn();
    const api = client(async () => json(200, { ok: true, value: null }), statuses, reconnect);
    FakeSocket.made[0]!.onopen?.();
    FakeSocket.made[0]!.onclose?.();
    expect(statuses.at(-1)?.reachable).toBe(false);
    const delays: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const before = FakeSocket.made.length;
      let waited = 0;
      while (FakeSocket.made.length === before) {
        vi.advanceTimersByTime(50);
        waited += 50;
      }
      delays.push(waited);
      FakeSocket.made.at(-1)!.onclose?.();
    }
    expect(delays).toEqual([100, 200, 400, 400]);
    vi.advanceTimersByTime(400);
    FakeSocket.made.at(-1)!.onopen?.();
    expect(reconnect).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)?.reachable).toBe(true);
    api.close();
  });
});
