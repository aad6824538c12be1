/**
 * The one API object the renderer uses. main.tsx installs the real transport before the first
 * render — the preload's window.brief inside Electron, otherwise a client for the `brief serve`
 * bridge built from the page's own address and token — and tests install a fake one
 * (test/renderer/fake-api.ts). Stores and components only ever call `api`.
 */
import type { BriefApi } from '../../../shared/contract.ts';
import { BriefError } from '../../../shared/errors.ts';
import { useConnection } from '../state/connection-store.ts';
import { createBridgeClient } from './bridge-client.ts';
import { createUploader, type Uploader } from './bridge-uploads.ts';

const TOKEN_KEY = 'brief.bridge-token';
const NO_TOKEN =
  'This page needs the address that `brief serve` printed (it ends in ?token=…). Open that address instead.';

let installed: BriefApi | null = null;

/** Where the page runs, for what only one place can do. */
export interface Host {
  /** Inside the desktop app, whose shell answers file choosers and honours tray and login settings. */
  desktop: boolean;
  /** In a browser: sends dropped files to `brief serve` (a page cannot name their paths). */
  upload: Uploader | null;
}

let host: Host = { desktop: false, upload: null };

/** Makes `next` the transport every store and component calls through (and `where` the host). */
export function installApi(next: BriefApi, where: Host = { desktop: false, upload: null }): void {
  installed = next;
  host = where;
}

export function currentHost(): Host {
  return host;
}

function current(): BriefApi {
  if (!installed) throw new Error('No API is installed: main.tsx installs one before the first render.');
  return installed;
}

export const api: BriefApi = {
  call: (name, args) => current().call(name, args),
  on: (name, listener) => current().on(name, listener),
};

/** Listeners for "events may have been missed": the stores reload what they show. */
const reconnectListeners = new Set<() => void>();
export function onReconnect(listener: () => void): () => void {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
}

/** Called by the transport when its event stream opened again after a drop. */
export function announceReconnect(): void {
  for (const listener of reconnectListeners) listener();
}

function bridgeToken(): string | null {
  const fromAddress = new URLSearchParams(window.location.search).get('token');
  if (fromAddress) {
    // Keep the token for reloads of this tab, and out of the address bar and history.
    sessionStorage.setItem(TOKEN_KEY, fromAddress);
    const clean = new URL(window.location.href);
    clean.searchParams.delete('token');
    window.history.replaceState(null, '', clean.toString());
    return fromAddress;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

function refusingApi(message: string): BriefApi {
  return {
    call: () => Promise.reject(new BriefError('AUTH_REQUIRED', message)),
    on: () => () => undefined,
  };
}

/** Installs the real transport for this page: window.brief in the app, else the bridge of `brief serve`. */
export function connectApi(): void {
  if (window.brief) {
    installApi(window.brief, { desktop: true, upload: null });
    return;
  }
  const token = bridgeToken();
  if (!token) {
    useConnection.setState({ authorized: false, blockedReason: NO_TOKEN });
    installApi(refusingApi(NO_TOKEN));
    return;
  }
  const client = createBridgeClient({
    origin: window.location.origin,
    token,
    onStatus: (status) => useConnection.setState(status),
    onReconnect: announceReconnect,
  });
  installApi(client, { desktop: false, upload: createUploader(window.location.origin, token) });
}
