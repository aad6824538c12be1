/**
 * The OAuth client the app signs in with, and Google's endpoints (overridable, so the app can be
 * pointed at the local Gmail API emulator). Values come from the environment first, then from
 * `shell.json` in the data folder.
 */
import { readFileSync } from 'node:fs';
import { BriefError } from '../../shared/errors.ts';

export const GMAIL_METADATA_SCOPE = 'https://www.googleapis.com/auth/gmail.metadata';

export interface GoogleEndpoints {
  authUrl: string;
  tokenUrl: string;
  revokeUrl: string;
  /** Root of the Gmail API, ending with a slash. */
  gmailRootUrl: string;
}

export const GOOGLE_ENDPOINTS: GoogleEndpoints = {
  authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  revokeUrl: 'https://oauth2.googleapis.com/revoke',
  gmailRootUrl: 'https://gmail.googleapis.com/',
};

export interface GoogleClientConfig {
  clientId: string;
  /** Desktop clients have a secret Google does not treat as confidential; PKCE protects the code. */
  clientSecret: string;
  scope: string;
  endpoints: GoogleEndpoints;
}

/** What `shell.json` in the data folder may hold. */
export interface ShellFileConfig {
  googleClientId?: string;
  googleClientSecret?: string;
  googleScope?: string;
  googleEndpoints?: Partial<GoogleEndpoints>;
  updateFeedUrl?: string;
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
export function resolveGoogleClient(
  env: NodeJS.ProcessEnv,
  file: ShellFileConfig,
): GoogleClientConfig | null {
  const clientId = env.BRIEF_GOOGLE_CLIENT_ID || file.googleClientId;
  const clientSecret = env.BRIEF_GOOGLE_CLIENT_SECRET || file.googleClientSecret;
  if (!clientId || !clientSecret) return null;
  const base = env.BRIEF_GOOGLE_BASE_URL?.replace(/\/+$/, '');
  // One base URL points every endpoint at the emulator (`npm run emulator` prints it).
  const fromBase: Partial<GoogleEndpoints> = base
    ? {
        authUrl: `${base}/o/oauth2/v2/auth`,
        tokenUrl: `${base}/token`,
        revokeUrl: `${base}/revoke`,
        gmailRootUrl: `${base}/`,
      }
    : {};
  return {
    clientId,
    clientSecret,
    scope: env.BRIEF_GOOGLE_SCOPE || file.googleScope || GMAIL_METADATA_SCOPE,
    endpoints: { ...GOOGLE_ENDPOINTS, ...file.googleEndpoints, ...fromBase },
  };
}

export function requireGoogleClient(client: GoogleClientConfig | null): GoogleClientConfig {
  if (client) return client;
  throw new BriefError(
    'AUTH_REQUIRED',
    'No Google OAuth client is configured. Set BRIEF_GOOGLE_CLIENT_ID and BRIEF_GOOGLE_CLIENT_SECRET (see docs/shell.md), then restart 360Brief.',
  );
}
