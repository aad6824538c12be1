/**
 * The OAuth token endpoint: exchanging an authorization code (with its PKCE verifier) and
 * refreshing an access token. `invalid_grant` means the refresh token was revoked or expired:
 * only the user can fix that, by reconnecting.
 */
import { BriefError } from '../../../shared/errors.ts';
import type { OAuthClientConfig } from './oauth-config.ts';

export interface TokenGrant {
  accessToken: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
  refreshToken: string | null;
  scope: string;
}

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  error?: string;
  error_description?: string;
}

export class InvalidGrantError extends BriefError {
  constructor(description: string) {
    super('AUTH_REQUIRED', `Google no longer accepts this sign-in (${description}). Reconnect the account.`);
  }
}

export async function exchangeCode(
  config: OAuthClientConfig,
  input: { code: string; verifier: string; redirectUri: string },
  now: () => number = Date.now,
): Promise<TokenGrant> {
  return requestToken(
    config,
    {
      grant_type: 'authorization_code',
      code: input.code,
      code_verifier: input.verifier,
      redirect_uri: input.redirectUri,
    },
    now,
  );
}

export async function refreshAccessToken(
  config: OAuthClientConfig,
  refreshToken: string,
  now: () => number = Date.now,
): Promise<TokenGrant> {
  return requestToken(config, { grant_type: 'refresh_token', refresh_token: refreshToken }, now);
}

/** Why the sign-in server could not be reached, in words: the cause is known more often than not. */
function unreachable(endpoint: string, error: unknown): BriefError {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const host = new URL(endpoint).host;
  const why =
    code === 'ECONNREFUSED'
      ? `nothing is listening at ${host}`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `${host} could not be found`
        : `${host} did not answer${typeof code === 'string' ? ` (${code})` : ''}`;
  return new BriefError(
    'NETWORK',
    `Google sign-in could not be reached: ${why}. Check your connection (or that the server there runs) and try again.`,
    { cause: error },
  );
}

async function requestToken(
  config: OAuthClientConfig,
  fields: Record<string, string>,
  now: () => number,
): Promise<TokenGrant> {
  const body = new URLSearchParams({
    ...fields,
    client_id: config.clientId,
    client_secret: config.clientSecret,
  });
  let response: Response;
  try {
    response = await fetch(config.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
  } catch (error) {
    throw unreachable(config.tokenEndpoint, error);
  }
  const answer = (await response.json().catch(() => ({}))) as TokenResponse;
  if (response.ok && typeof answer.access_token === 'string') {
    return {
      accessToken: answer.access_token,
      expiresAt: now() + (answer.expires_in ?? 3600) * 1000,
      refreshToken: answer.refresh_token ?? null,
      scope: answer.scope ?? '',
    };
  }
  if (answer.error === 'invalid_grant')
    throw new InvalidGrantError(answer.error_description ?? 'invalid_grant');
  if (response.status === 429) {
    throw new BriefError(
      'RATE_LIMITED',
      'Google is limiting sign-in requests. 360Brief tries again shortly.',
    );
  }
  if (response.status >= 500) {
    throw new BriefError(
      'NETWORK',
      `Google sign-in is unavailable (HTTP ${response.status}). Try again shortly.`,
    );
  }
  throw new BriefError(
    'AUTH_REQUIRED',
    `Google sign-in refused the request (${answer.error ?? response.status}: ${answer.error_description ?? 'no detail'}). Check the OAuth client settings and reconnect.`,
  );
}
