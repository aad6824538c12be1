/**
 * Where the CLI reaches Google: the OAuth client (id and secret from options, the environment, or
 * what `brief connect` saved) and the endpoints (Google's, or an emulator's given with
 * --endpoint). Saved beside the database, readable only by the user, so `brief sync` later needs
 * no options.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BriefError } from '../../shared/errors.ts';
import { GOOGLE_GMAIL_ROOT_URL, makeFolder, type OAuthClientConfig, oauthConfig } from '../engine/index.ts';

export interface GoogleConfig {
  oauth: OAuthClientConfig;
  /** Gmail API root, with a trailing slash. */
  gmailRootUrl: string;
}

interface SavedConfig {
  clientId?: string;
  clientSecret?: string;
  endpoint?: string | null;
}

export function googleConfigPath(databasePath: string): string {
  return join(dirname(databasePath), 'google.json');
}

export function vaultPath(databasePath: string): string {
  return join(dirname(databasePath), 'tokens.json');
}

function readSaved(path: string): SavedConfig {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as SavedConfig;
  } catch {
    throw new BriefError(
      'CORRUPT_STORE',
      `${path} is not readable JSON: delete it and run \`brief connect\` again.`,
    );
  }
}

/** The endpoint's OAuth and Gmail URLs: an emulator (or any Google-compatible server) at `base`. */
function endpointsOf(base: string | null | undefined) {
  if (!base) return { gmailRootUrl: GOOGLE_GMAIL_ROOT_URL };
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new BriefError(
      'VALIDATION',
      `--endpoint must be a URL such as http://127.0.0.1:8790 (got "${base}").`,
    );
  }
  const root = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return {
    authorizationEndpoint: `${root}o/oauth2/v2/auth`,
    tokenEndpoint: `${root}token`,
    gmailRootUrl: root,
  };
}

/** What a person may give on the command line (or to `brief serve`) instead of the saved config. */
export interface GoogleOverrides {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  endpoint?: string | undefined;
}

export function resolveGoogleConfig(databasePath: string, given: GoogleOverrides = {}): GoogleConfig {
  const saved = readSaved(googleConfigPath(databasePath));
  const { gmailRootUrl, ...oauthEndpoints } = endpointsOf(given.endpoint ?? saved.endpoint);
  const oauth = oauthConfig({
    ...((given.clientId ?? saved.clientId) ? { clientId: given.clientId ?? saved.clientId } : {}),
    ...((given.clientSecret ?? saved.clientSecret)
      ? { clientSecret: given.clientSecret ?? saved.clientSecret }
      : {}),
    ...oauthEndpoints,
  });
  return { oauth, gmailRootUrl };
}

export function saveGoogleConfig(databasePath: string, config: GoogleConfig, endpoint: string | null): void {
  const path = googleConfigPath(databasePath);
  makeFolder(dirname(path));
  const saved: SavedConfig = {
    clientId: config.oauth.clientId,
    clientSecret: config.oauth.clientSecret,
    endpoint,
  };
  writeFileSync(path, JSON.stringify(saved, null, 2), { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** The Gmail endpoint given now (--endpoint) or saved by `brief connect`; undefined for Google's own. */
export function gmailRootUrlFor(databasePath: string, endpoint: string | undefined): string | undefined {
  const chosen = endpoint ?? readSaved(googleConfigPath(databasePath)).endpoint;
  return chosen ? endpointsOf(chosen).gmailRootUrl : undefined;
}

/** The endpoint `brief connect` saved (null for Google's own). */
export function savedEndpoint(databasePath: string): string | null {
  return readSaved(googleConfigPath(databasePath)).endpoint ?? null;
}
