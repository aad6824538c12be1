/**
 * The OAuth client the app signs in with, and where Google is. The client id and secret come from
 * the environment first, then from `shell.json` in the data folder; the endpoints from the same
 * environment variables the CLI reads (`oauthConfig`, `BRIEF_GMAIL_ROOT_URL`), so one set of
 * variables points the sign-in, the profile lookup and (passed on by main) the worker's sync at the
 * emulator. A packaged app never sees the endpoint variables (shell-environment.ts).
 */
import { readFileSync } from 'node:fs';
import { BriefError } from '../../shared/errors.ts';
import {
  GOOGLE_GMAIL_ROOT_URL,
  type OAuthClientConfig,
  oauthConfig,
  syncOptionsFromEnv,
} from '../engine/index.ts';

/** What `shell.json` in the data folder may hold. */
export interface ShellFileConfig {
  googleClientId?: string;
  googleClientSecret?: string;
  updateFeedUrl?: string;
}

export interface GoogleClient {
  oauth: OAuthClientConfig;
  /** Root of the Gmail API, ending with a slash: where the signed-in account's address is read. */
  gmailRootUrl: string;
}

export function readShellFileConfig(path: string): ShellFileConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {};
  }
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as ShellFileConfig) : {};
  } catch {
    throw new BriefError('VALIDATION', `${path} is not valid JSON. Fix or delete it and restart 360Brief.`);
  }
}

/** The configured client, or null when none is set up (Gmail is then unavailable; import and demo still work). */
export function resolveGoogleClient(env: NodeJS.ProcessEnv, file: ShellFileConfig): GoogleClient | null {
  const clientId = env.BRIEF_GOOGLE_CLIENT_ID || file.googleClientId;
  const clientSecret = env.BRIEF_GOOGLE_CLIENT_SECRET || file.googleClientSecret;
  // A Desktop client always has a secret; without it Google would refuse the code after consent.
  if (!clientId || !clientSecret) return null;
  return {
    oauth: oauthConfig({ clientId, clientSecret }, env),
    gmailRootUrl: syncOptionsFromEnv(env).rootUrl ?? GOOGLE_GMAIL_ROOT_URL,
  };
}

export function missingClientError(): BriefError {
  return new BriefError(
    'AUTH_REQUIRED',
    'No Google OAuth client is configured. Set BRIEF_GOOGLE_CLIENT_ID and BRIEF_GOOGLE_CLIENT_SECRET (see docs/shell.md), then restart 360Brief.',
  );
}

export function requireGoogleClient(client: GoogleClient | null): GoogleClient {
  if (client) return client;
  throw missingClientError();
}
