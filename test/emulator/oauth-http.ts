import { type OAuthAuthority, OAuthError } from './oauth.ts';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const NO_STORE = { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate', pragma: 'no-cache' };

function json(status: number, body: unknown, extra: Record<string, string> = {}): HttpAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE, ...extra },
    body: JSON.stringify(body, null, 2),
  };
}

/**
 * GET /o/oauth2/v2/auth: the consent screen, which consents at once and redirects to
 * `redirect_uri` with `code` and `state`, as Google does after the user clicks Allow.
 */
export function authorizationEndpoint(oauth: OAuthAuthority, query: URLSearchParams): HttpAnswer {
  const redirectUri = query.get('redirect_uri');
  const page = (status: number, text: string): HttpAnswer => ({
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: text,
  });
  if (redirectUri === null || redirectUri === '') {
    return page(400, 'Error 400: invalid_request\nMissing required parameter: redirect_uri');
  }
  if (query.get('response_type') !== 'code') {
    return page(400, 'Error 400: invalid_request\nresponse_type must be "code" for this client.');
  }
  try {
    const challenge = query.get('code_challenge');
    const method = query.get('code_challenge_method');
    const code = oauth.authorize({
      clientId: query.get('client_id') ?? '',
      redirectUri,
      scope: query.get('scope') ?? '',
      offline: query.get('access_type') === 'offline',
      ...(challenge === null ? {} : { codeChallenge: challenge }),
      ...(method === null ? {} : { codeChallengeMethod: method }),
    });
    const location = new URL(redirectUri);
    const state = query.get('state');
    if (state !== null) location.searchParams.set('state', state);
    location.searchParams.set('code', code);
    location.searchParams.set('scope', query.get('scope') ?? '');
    return { status: 302, headers: { location: location.toString() }, body: '' };
  } catch (error) {
    if (error instanceof OAuthError)
      return page(error.status, `Error ${error.status}: ${error.error}\n${error.message}`);
    return page(400, 'Error 400: invalid_request\nThe redirect_uri is not a valid URL.');
  }
}

/** POST /token: authorization_code (with PKCE) and refresh_token grants. */
export function tokenEndpoint(
  oauth: OAuthAuthority,
  body: string,
  authorization: string | undefined,
): HttpAnswer {
  try {
    return json(200, oauth.exchange(new URLSearchParams(body), basicCredentials(authorization)));
  } catch (error) {
    if (error instanceof OAuthError) return json(error.status, error.body);
    throw error;
  }
}

/** POST /revoke?token=… (or the token in a form body). */
export function revocationEndpoint(oauth: OAuthAuthority, query: URLSearchParams, body: string): HttpAnswer {
  const token = query.get('token') ?? new URLSearchParams(body).get('token');
  try {
    if (token === null || token === '')
      throw new OAuthError(400, 'invalid_request', 'Missing required parameter: token');
    oauth.revoke(token);
    return json(200, {});
  } catch (error) {
    if (error instanceof OAuthError) return json(error.status, error.body);
    throw error;
  }
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header === undefined ? null : /^Basic\s+(\S+)$/i.exec(header);
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}
