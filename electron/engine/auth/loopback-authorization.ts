/**
 * OAuth 2.0 for installed apps with a loopback redirect (RFC 8252): a one-shot HTTP listener on
 * 127.0.0.1 at a random port receives the browser's redirect; PKCE S256 binds the code to this
 * process; `state` rejects a redirect this request did not cause; `access_type=offline` (and
 * consent) makes Google return a refresh token. The verifier, the consent URL and the code
 * exchange are google-auth-library's `OAuth2Client` (token-endpoint.ts); the listener is ours.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CodeChallengeMethod } from 'google-auth-library';
import { BriefError } from '../../../shared/errors.ts';
import { GMAIL_METADATA_SCOPE, type OAuthClientConfig } from './oauth-config.ts';
import { createOAuthClient, exchangeCode, type TokenGrant } from './token-endpoint.ts';

/** The library's enum, named without loading the library for it. */
const S256 = 'S256' as CodeChallengeMethod;

export interface LoopbackOptions extends OAuthClientConfig {
  scope?: string;
  /** Opens the system browser at the consent page. */
  openBrowser(url: string): void | Promise<void>;
  /** Gives up waiting for the browser after this long (default 5 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
  now?: () => number;
  /**
   * Answer a redirect carrying another `state` with an error page and keep waiting, so a stale tab
   * or another local process cannot end the sign-in (the app). By default it ends the attempt.
   */
  ignoreMismatchedState?: boolean;
}

export interface Authorization extends TokenGrant {
  refreshToken: string;
}

const DONE_PAGE =
  '<!doctype html><meta charset="utf-8"><title>360Brief</title><p>360Brief is connected. You can close this window.</p>';
const FAILED_PAGE =
  '<!doctype html><meta charset="utf-8"><title>360Brief</title><p>The sign-in did not complete. Return to 360Brief and try again.</p>';

export async function runLoopbackAuthorization(options: LoopbackOptions): Promise<Authorization> {
  const state = randomBytes(16).toString('base64url');
  const scope = options.scope ?? GMAIL_METADATA_SCOPE;
  // Loaded at sign-in only: node:http costs ≈ 9 MB of a process that only imports or reports.
  const { createServer } = await import('node:http');
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  try {
    const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oauth2callback`;
    const client = await createOAuthClient(options, redirectUri);
    const pkce = await client.generateCodeVerifierAsync();
    const url = client.generateAuthUrl({
      redirect_uri: redirectUri,
      scope,
      access_type: 'offline',
      prompt: 'consent',
      code_challenge: pkce.codeChallenge,
      code_challenge_method: S256,
      state,
    });
    const code = waitForCode(server, state, options);
    // A bad redirect can arrive while the browser is still opening; it is reported below.
    code.catch(() => undefined);
    // Cancelled already: a consent page nobody waits for would only confuse.
    if (!options.signal?.aborted) await options.openBrowser(url);
    const grant = await exchangeCode(
      options,
      { code: await code, verifier: pkce.codeVerifier, redirectUri },
      options.now,
    );
    if (grant.refreshToken === null) {
      throw new BriefError(
        'AUTH_REQUIRED',
        'Google did not grant offline access, so 360Brief could not stay connected. Try connecting again.',
      );
    }
    return { ...grant, refreshToken: grant.refreshToken };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

function waitForCode(server: Server, state: string, options: LoopbackOptions): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const fail = (error: BriefError) => {
      clearTimeout(timer);
      reject(error);
    };
    const timer = setTimeout(
      () =>
        fail(
          new BriefError('CANCELLED', 'The Google sign-in was not completed in time. Try connecting again.'),
        ),
      options.timeoutMs ?? 5 * 60_000,
    );
    timer.unref();
    const cancel = () => fail(new BriefError('CANCELLED', 'The Google sign-in was cancelled.'));
    if (options.signal?.aborted) cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    server.on('request', (request, response) => {
      const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
      if (!query.has('code') && !query.has('error')) {
        response.writeHead(404).end();
        return;
      }
      const ok = query.get('state') === state && query.has('code');
      response.writeHead(ok ? 200 : 400, { 'content-type': 'text/html; charset=utf-8' });
      response.end(ok ? DONE_PAGE : FAILED_PAGE);
      if (query.get('state') !== state) {
        if (options.ignoreMismatchedState) return;
        fail(
          new BriefError(
            'AUTH_REQUIRED',
            'The sign-in answer did not match this request. Try connecting again.',
          ),
        );
      } else if (!ok) {
        const error = query.get('error');
        fail(
          new BriefError(
            'AUTH_REQUIRED',
            error === 'access_denied'
              ? 'Google sign-in was cancelled: access was not allowed. Connect again when you are ready.'
              : `Google sign-in was not completed (${error}). Try again.`,
          ),
        );
      } else {
        clearTimeout(timer);
        resolve(query.get('code')!);
      }
    });
  });
}
