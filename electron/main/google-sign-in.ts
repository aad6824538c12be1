/**
 * Connecting a Gmail account in the app: the engine's loopback sign-in (PKCE S256, `state`,
 * offline access) with the consent page opened in the system browser, then the account's own
 * address read from Gmail's profile with the new access token.
 */
import { BriefError } from '../../shared/errors.ts';
import { GMAIL_METADATA_SCOPE, runLoopbackAuthorization } from '../engine/index.ts';
import type { GoogleClient } from './google-oauth-client.ts';

export interface GoogleSignIn {
  /** Lower-cased, as Gmail names the mailbox. */
  address: string;
  refreshToken: string;
  scope: string;
}

export interface SignInOptions {
  client: GoogleClient;
  /** Opens the consent page: `shell.openExternal` in the app. */
  openBrowser(url: string): Promise<void>;
  signal?: AbortSignal;
}

export async function signInWithGoogle(options: SignInOptions): Promise<GoogleSignIn> {
  const grant = await runLoopbackAuthorization({
    ...options.client.oauth,
    openBrowser: options.openBrowser,
    // A stale tab (or another local process) hitting the listener must not end this sign-in.
    ignoreMismatchedState: true,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    address: await fetchProfileAddress(options.client.gmailRootUrl, grant.accessToken),
    refreshToken: grant.refreshToken,
    scope: grant.scope || GMAIL_METADATA_SCOPE,
  };
}

async function fetchProfileAddress(gmailRootUrl: string, accessToken: string): Promise<string> {
  const response = await fetch(new URL('gmail/v1/users/me/profile', gmailRootUrl), {
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
