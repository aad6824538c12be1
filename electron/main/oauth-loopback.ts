/**
 * Signing in to Google the way installed apps must: consent in the system browser, the answer
 * received on a one-shot HTTP listener on 127.0.0.1 (the loopback redirect), and the code bound to
 * this attempt with PKCE (S256) and a random `state`. No Electron import: opening the browser is
 * passed in (`shell.openExternal` in the app, a plain fetch against the emulator in tests).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BriefError } from '../../shared/errors.ts';
import type { GoogleClientConfig } from './google-oauth-client.ts';
import { type Fetch, postTokenForm } from './token-endpoint.ts';

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export function createPkcePair(): PkcePair {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function buildConsentUrl(
  client: GoogleClientConfig,
  request: { redirectUri: string; state: string; challenge: string; loginHint?: string },
): string {
  const url = new URL(client.endpoints.authUrl);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: request.redirectUri,
    response_type: 'code',
    scope: client.scope,
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    // A refresh token every time, so reconnecting replaces a revoked one.
    access_type: 'offline',
    prompt: 'consent',
    ...(request.loginHint ? { login_hint: request.loginHint } : {}),
  }).toString();
  return url.toString();
}

const PAGE = (text: string) =>
  `<!doctype html><meta charset="utf-8"><title>360Brief</title><body style="font:16px system-ui;margin:3em">${text}</body>`;

export interface LoopbackReceiver {
  redirectUri: string;
  /** Resolves with the authorization code once the browser comes back with the right state. */
  code: Promise<string>;
  close(): void;
}

/** Listens on 127.0.0.1 (a free port) for exactly one redirect carrying `expectedState`. */
export async function startLoopbackReceiver(
  expectedState: string,
  signal?: AbortSignal,
): Promise<LoopbackReceiver> {
  let settle!: { resolve: (code: string) => void; reject: (error: unknown) => void };
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      response.writeHead(404).end();
      return;
    }
    const answer = (status: number, text: string) =>
      response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE(text));
    if (url.searchParams.get('state') !== expectedState) {
      // Not this sign-in's answer (a stale tab, or a forged request): ignore it and keep waiting.
      answer(400, 'This sign-in link has expired. Return to 360Brief and start again.');
      return;
    }
    const error = url.searchParams.get('error');
    const received = url.searchParams.get('code');
    if (error || !received) {
      answer(200, 'Sign-in was cancelled. You can close this tab.');
      settle.reject(
        new BriefError(
          'AUTH_REQUIRED',
          error === 'access_denied'
            ? 'Google sign-in was cancelled. Connect again when you are ready.'
            : `Google sign-in did not complete (${error ?? 'no code'}). Try connecting again.`,
        ),
      );
    } else {
      answer(200, '360Brief is connected. You can close this tab and return to the app.');
      settle.resolve(received);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const close = () => {
    server.close();
    server.closeAllConnections();
  };
  const abort = () => settle.reject(new BriefError('CANCELLED', 'Connecting Gmail was cancelled.'));
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  void code.then(close, close);
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}/callback`, code, close };
}

export interface GoogleSignIn {
  address: string;
  refreshToken: string;
  accessToken: string;
  expiresAt: number;
  scope: string;
}

export interface SignInOptions {
  client: GoogleClientConfig;
  /** Opens the consent page: `shell.openExternal` in the app. */
  openExternal(url: string): Promise<void>;
  fetch?: Fetch;
  clock?: () => number;
  signal?: AbortSignal;
  loginHint?: string;
}

/** The whole flow: consent, code exchange, and the account's own address from Gmail's profile. */
export async function signInWithGoogle(options: SignInOptions): Promise<GoogleSignIn> {
  const doFetch = options.fetch ?? fetch;
  const clock = options.clock ?? Date.now;
  const pkce = createPkcePair();
  const state = randomBytes(24).toString('base64url');
  const receiver = await startLoopbackReceiver(state, options.signal);
  try {
    await options.openExternal(
      buildConsentUrl(options.client, {
        redirectUri: receiver.redirectUri,
        state,
        challenge: pkce.challenge,
        ...(options.loginHint ? { loginHint: options.loginHint } : {}),
      }),
    );
    const code = await receiver.code;
    const grant = await postTokenForm(
      options.client.endpoints.tokenUrl,
      {
        grant_type: 'authorization_code',
        code,
        code_verifier: pkce.verifier,
        redirect_uri: receiver.redirectUri,
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
      },
      doFetch,
    );
    if (!grant.refresh_token) {
      throw new BriefError(
        'AUTH_REQUIRED',
        'Google did not grant offline access, so 360Brief could not sync in the background. Remove 360Brief from your Google account’s third-party access and connect again.',
      );
    }
    const address = await fetchProfileAddress(options.client, grant.access_token, doFetch);
    return {
      address,
      refreshToken: grant.refresh_token,
      accessToken: grant.access_token,
      expiresAt: clock() + grant.expires_in * 1000,
      scope: grant.scope ?? options.client.scope,
    };
  } finally {
    receiver.close();
  }
}

async function fetchProfileAddress(client: GoogleClientConfig, accessToken: string, doFetch: Fetch) {
  const response = await doFetch(new URL('gmail/v1/users/me/profile', client.endpoints.gmailRootUrl), {
    headers: { authorization: `Bearer ${accessToken}` },
  }).catch((error: unknown) => {
    throw new BriefError('NETWORK', 'Gmail could not be reached. Check the network and connect again.', {
      cause: error,
    });
  });
  const body = (await response.json().catch(() => ({}))) as { emailAddress?: unknown };
  if (!response.ok || typeof body.emailAddress !== 'string') {
    throw new BriefError(
      'AUTH_REQUIRED',
      `Gmail refused to name the signed-in account (HTTP ${response.status}). Make sure Gmail access was allowed and connect again.`,
    );
  }
  return body.emailAddress.toLowerCase();
}
