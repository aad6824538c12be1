/**
 * Talking to an OAuth token endpoint (Google's, or the emulator's): one form POST, answers mapped
 * to BriefErrors a person can act on. Used for the code exchange and for every refresh.
 */
import { BriefError } from '../../shared/errors.ts';

export type Fetch = typeof fetch;

export interface TokenGrant {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  scope?: string;
  token_type?: string;
}

export async function postTokenForm(
  tokenUrl: string,
  form: Record<string, string>,
  doFetch: Fetch = fetch,
): Promise<TokenGrant> {
  let response: Response;
  try {
    response = await doFetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
  } catch (error) {
    throw new BriefError(
      'NETWORK',
      'Google could not be reached to renew access. Check the network connection; syncing resumes when it is back.',
      { cause: error },
    );
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // A non-JSON answer (a proxy's error page) is judged by its status alone.
  }
  if (response.ok && typeof body.access_token === 'string') {
    return {
      access_token: body.access_token,
      expires_in: Number(body.expires_in ?? 3600),
      ...(typeof body.refresh_token === 'string' ? { refresh_token: body.refresh_token } : {}),
      ...(typeof body.scope === 'string' ? { scope: body.scope } : {}),
    };
  }
  const reason = typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
  if (reason === 'invalid_grant') {
    throw new BriefError(
      'AUTH_REQUIRED',
      'Google no longer accepts this sign-in (it expired or was revoked). Reconnect the account from Settings.',
    );
  }
  if (reason === 'invalid_client' || reason === 'unauthorized_client') {
    throw new BriefError(
      'AUTH_REQUIRED',
      'Google rejected the app’s OAuth client. Check BRIEF_GOOGLE_CLIENT_ID and BRIEF_GOOGLE_CLIENT_SECRET (docs/shell.md), then reconnect.',
    );
  }
  if (response.status === 429) {
    throw new BriefError(
      'RATE_LIMITED',
      'Google is limiting sign-in requests. 360Brief tries again shortly.',
    );
  }
  throw new BriefError(
    'NETWORK',
    `Google's sign-in service answered ${reason}. 360Brief tries again shortly; if it persists, reconnect the account.`,
  );
}
