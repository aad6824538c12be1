/**
 * The OAuth token endpoint through google-auth-library's `OAuth2Client`: PKCE, exchanging an
 * authorization code and refreshing an access token, at the endpoints the configuration names
 * (Google's, or the emulator's). The library's own retries are off: a failed request becomes one
 * of our error codes at once, and the job runner or the person decides when to try again.
 * `invalid_grant` means the refresh token was revoked or expired: only the user can fix that, by
 * reconnecting.
 */
import type { OAuth2Client } from 'google-auth-library';
import { BriefError } from '../../../shared/errors.ts';
import type { OAuthClientConfig } from './oauth-config.ts';

export interface TokenGrant {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  refreshToken: string | null;
  scope: string;
}

export class InvalidGrantError extends BriefError {
  constructor(description: string) {
    super('AUTH_REQUIRED', `Google no longer accepts this sign-in (${description}). Reconnect the account.`);
  }
}

/**
 * A client for one request. Loaded on first use: commands and app starts that never sign in do
 * not pay for the library. Requests go through Node's own `fetch`.
 */
export async function createOAuthClient(
  config: OAuthClientConfig,
  redirectUri?: string,
): Promise<OAuth2Client> {
  const { OAuth2Client } = await import('google-auth-library');
  return new OAuth2Client({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    ...(redirectUri ? { redirectUri } : {}),
    endpoints: { oauth2AuthBaseUrl: config.authorizationEndpoint, oauth2TokenUrl: config.tokenEndpoint },
    transporterOptions: {
      retryConfig: { retry: 0, noResponseRetries: 0 },
      fetchImplementation: (input, init) => fetch(input as string, init as RequestInit),
    },
  });
}

export async function exchangeCode(
  config: OAuthClientConfig,
  input: { code: string; verifier: string; redirectUri: string },
  now: () => number = Date.now,
): Promise<TokenGrant> {
  const client = await createOAuthClient(config, input.redirectUri);
  try {
    const { tokens } = await client.getToken({
      code: input.code,
      codeVerifier: input.verifier,
      redirect_uri: input.redirectUri,
    });
    return grantOf(tokens, now);
  } catch (error) {
    throw tokenFailure(config.tokenEndpoint, error);
  }
}

export async function refreshAccessToken(
  config: OAuthClientConfig,
  refreshToken: string,
  now: () => number = Date.now,
): Promise<TokenGrant> {
  const client = await createOAuthClient(config);
  // What the endpoint answered, copied as it arrives: the library then puts the old refresh token
  // back into its own credentials, which would hide a rotation (Google sends a new one at times).
  const answered: { tokens?: Credentials } = {};
  client.on('tokens', (tokens: Credentials) => {
    answered.tokens = { ...tokens };
  });
  client.setCredentials({ refresh_token: refreshToken });
  try {
    await client.getAccessToken();
  } catch (error) {
    throw tokenFailure(config.tokenEndpoint, error);
  }
  return grantOf(answered.tokens ?? {}, now);
}

interface Credentials {
  access_token?: string | null;
  refresh_token?: string | null;
  expiry_date?: number | null;
  scope?: string | null;
}

function grantOf(tokens: Credentials, now: () => number): TokenGrant {
  if (typeof tokens.access_token !== 'string' || tokens.access_token === '') {
    throw new BriefError(
      'AUTH_REQUIRED',
      'Google sign-in answered without an access token. Check the OAuth client settings and reconnect.',
    );
  }
  // The library dates expiry by the real clock; the lifetime it gave is re-based on ours (tests move it).
  const lifetimeMs = typeof tokens.expiry_date === 'number' ? tokens.expiry_date - Date.now() : 3600_000;
  return {
    accessToken: tokens.access_token,
    expiresAt: now() + lifetimeMs,
    refreshToken: tokens.refresh_token ?? null,
    scope: tokens.scope ?? '',
  };
}

/** The first `code` along an error's causes: `ECONNREFUSED` sits two levels below fetch's TypeError. */
function causeCode(error: unknown): string | undefined {
  for (let inner = error, depth = 0; inner && depth < 5; depth++) {
    const { code, cause } = inner as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    inner = cause;
  }
  return undefined;
}

/** Why the sign-in server could not be reached, in words: the cause is known more often than not. */
function unreachable(endpoint: string, error: unknown): BriefError {
  const code = causeCode(error);
  const host = new URL(endpoint).host;
  const why =
    code === 'ECONNREFUSED'
      ? `nothing is listening at ${host}`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `${host} could not be found`
        : `${host} did not answer${code ? ` (${code})` : ''}`;
  return new BriefError(
    'NETWORK',
    `Google sign-in could not be reached: ${why}. Check your connection (or that the server there runs) and try again.`,
    { cause: error },
  );
}

function tokenFailure(endpoint: string, error: unknown): BriefError {
  if (error instanceof BriefError) return error;
  const response = (error as { response?: { status: number; data?: unknown } }).response;
  if (!response) return unreachable(endpoint, error);
  const answer = (response.data ?? {}) as { error?: string; error_description?: string };
  if (answer.error === 'invalid_grant')
    return new InvalidGrantError(answer.error_description ?? 'invalid_grant');
  if (response.status === 429) {
    return new BriefError(
      'RATE_LIMITED',
      'Google is limiting sign-in requests. 360Brief tries again shortly.',
    );
  }
  if (response.status >= 500) {
    return new BriefError(
      'NETWORK',
      `Google sign-in is unavailable (HTTP ${response.status}). Try again shortly.`,
    );
  }
  return new BriefError(
    'AUTH_REQUIRED',
    `Google sign-in refused the request (${answer.error ?? response.status}: ${answer.error_description ?? 'no detail'}). Check the OAuth client settings and reconnect.`,
  );
}
