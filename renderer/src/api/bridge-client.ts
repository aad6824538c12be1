/**
 * BriefApi over the `brief serve` bridge: calls are POST /rpc with a bearer token, events arrive on
 * a WebSocket at /events. The socket reconnects with backoff so a restarted bridge is picked up
 * without a reload; the status callback drives the offline badge.
 */

import { backoffMs } from '../../../shared/backoff.ts';
import type {
  BriefApi,
  EventName,
  Events,
  MethodArgs,
  MethodName,
  MethodResult,
} from '../../../shared/contract.ts';
import { BriefError, isErrorCode } from '../../../shared/errors.ts';

export interface BridgeStatus {
  /** The bridge answered the last call or holds the event socket open. */
  reachable: boolean;
  /** False once the bridge refused the token. */
  authorized: boolean;
}

export interface BridgeOptions {
  /** e.g. http://127.0.0.1:4123 */
  origin: string;
  token: string;
  onStatus?: (status: BridgeStatus) => void;
  /** Called when the event socket opens again after a drop: events may have been missed. */
  onReconnect?: () => void;
  fetchImpl?: typeof fetch;
  createSocket?: (url: string) => WebSocket;
  /** Backoff bounds for the event socket, in ms. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

export interface BridgeClient extends BriefApi {
  close(): void;
}

type Listener = (payload: unknown) => void;

const UNREACHABLE =
  'The 360Brief service is not answering. Check that `brief serve` (or the app) is still running; the dashboard keeps what it last loaded.';
const REFUSED =
  'The 360Brief service refused this page. Open the address that `brief serve` printed; it carries the access token.';

export function createBridgeClient(options: BridgeOptions): BridgeClient {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch.bind(globalThis);
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url));
  const minDelay = options.minDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 15_000;
  const listeners = new Map<string, Set<Listener>>();
  const status: BridgeStatus = { reachable: true, authorized: true };
  let socket: WebSocket | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let everOpened = false;
  let closed = false;

  function report(next: Partial<BridgeStatus>): void {
    const changed = Object.entries(next).some(([key, value]) => status[key as keyof BridgeStatus] !== value);
    if (!changed) return;
    Object.assign(status, next);
    options.onStatus?.({ ...status });
  }

  async function call<M extends MethodName>(name: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
    let response: Response;
    try {
      response = await fetchImpl(`${options.origin}/rpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
        body: JSON.stringify({ method: name, args }),
      });
    } catch (cause) {
      report({ reachable: false });
      throw new BriefError('NETWORK', UNREACHABLE, { cause });
    }
    report({ reachable: true });
    const body: unknown = await response.json().catch(() => null);
    if (response.status === 401 || response.status === 403) {
      report({ authorized: false });
      throw errorFrom(body, 'AUTH_REQUIRED', REFUSED);
    }
    if (isOutcome(body)) {
      if (body.ok) return body.value as MethodResult<M>;
      throw errorFrom(body, 'INTERNAL', 'The 360Brief service could not answer. Try again.');
    }
    throw new BriefError(
      'INTERNAL',
      `The 360Brief service answered ${response.status} without a readable result. Try again.`,
    );
  }

  function connect(): void {
    if (closed) return;
    const url = `${options.origin.replace(/^http/, 'ws')}/events?token=${encodeURIComponent(options.token)}`;
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      failures = 0;
      report({ reachable: true });
      if (everOpened) options.onReconnect?.();
      everOpened = true;
    };
    current.onmessage = (message) => dispatch(message.data);
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      if (closed) return;
      report({ reachable: false });
      failures += 1;
      const delay = backoffMs(failures, { baseMs: minDelay, capMs: maxDelay });
      retryTimer = setTimeout(connect, delay);
    };
  }

  function dispatch(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const { name, payload } = frame as { name?: unknown; payload?: unknown };
    if (typeof name !== 'string') return;
    for (const listener of listeners.get(name) ?? []) listener(payload);
  }

  function on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    const set = listeners.get(name) ?? new Set<Listener>();
    listeners.set(name, set);
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  function close(): void {
    closed = true;
    if (retryTimer) clearTimeout(retryTimer);
    socket?.close();
    socket = null;
  }

  connect();
  return { call, on, close };
}

function isOutcome(body: unknown): body is { ok: true; value: unknown } | { ok: false; error: unknown } {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

function errorFrom(
  body: unknown,
  fallbackCode: 'AUTH_REQUIRED' | 'INTERNAL',
  fallbackMessage: string,
): BriefError {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (typeof error === 'object' && error !== null) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (isErrorCode(code) && typeof message === 'string') return new BriefError(code, message);
  }
  return new BriefError(fallbackCode, fallbackMessage);
}
