import { gmail_v1 } from '@googleapis/gmail';
import { CodeChallengeMethod } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import { failure, type Harness, oauthClient, startHarness } from './fixtures.ts';

let h: Harness;
afterEach(() => h.emulator.close());

const METADATA = 'https://www.googleapis.com/auth/gmail.metadata';
const REDIRECT = 'http://127.0.0.1:4567/callback';

async function consent(harness: Harness, challenge?: string): Promise<string> {
  const client = oauthClient(harness.emulator, REDIRECT);
  const url = client.generateAuthUrl({
    access_type: 'offline',
    scope: [METADATA],
    state: 'xyz',
    ...(challenge === undefined
      ? {}
      : { code_challenge: challenge, code_challenge_method: CodeChallengeMethod.S256 }),
  });
  const response = await fetch(url, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  expect(location.searchParams.get('state')).toBe('xyz');
  return location.searchParams.get('code')!;
}

async function oauthFailure(promise: Promise<unknown>) {
  const { status, body } = await failure(promise);
  return { status, body: body as unknown as { error: string; error_description: string } };
}

describe('OAuth', () => {
  it('authorization code with PKCE S256 yields tokens that work against the API', async () => {
    h = await startHarness();
    const client = oauthClient(h.emulator, REDIRECT);
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const code = await consent(h, codeChallenge);
    const { tokens } = await client.getToken({ code, codeVerifier });
    expect(tokens.scope).toBe(METADATA);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    client.setCredentials(tokens);
    const gmail = new gmail_v1.Gmail({ rootUrl: `${h.emulator.url}/`, auth: client, retry: false });
    expect((await gmail.users.getProfile({ userId: 'me' })).data.emailAddress).toBe('user@example.com');
    // A code is good once.
    const again = await oauthFailure(client.getToken({ code, codeVerifier }));
    expect(again).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Malformed auth code.' },
    });
  });

  it('a missing code_verifier is invalid_request, a wrong one invalid_grant', async () => {
    h = await startHarness();
    const client = oauthClient(h.emulator, REDIRECT);
    const { codeChallenge } = await client.generateCodeVerifierAsync();
    const code = await consent(h, codeChallenge);
    const missing = await oauthFailure(client.getToken({ code }));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe('invalid_request');
    const wrong = await oauthFailure(client.getToken({ code, codeVerifier: 'x'.repeat(64) }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe('invalid_grant');
  });

  it('a wrong client secret is invalid_client (401)', async () => {
    h = await startHarness();
    const code = await consent(h);
    const response = await fetch(h.emulator.endpoints.oauth2TokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        code,
        client_id: h.emulator.clientId,
        client_secret: 'wrong',
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT,
      }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_client', error_description: 'Unauthorized' });
  });

  it('an access token expires on the emulator clock; refreshing gets a working one', async () => {
    h = await startHarness({ accessTokenLifetimeSeconds: 600 });
    await h.gmail.users.getProfile({ userId: 'me' });
    h.clock.advance(600_000);
    const expired = await h.fetchApi('/gmail/v1/users/me/profile');
    expect(expired.status).toBe(401);
    const { credentials } = await h.auth.refreshAccessToken();
    expect(credentials.access_token).not.toBe(h.emulator.accessToken);
    expect(credentials.refresh_token).toBe(h.emulator.refreshToken);
    expect((await h.gmail.users.getProfile({ userId: 'me' })).status).toBe(200);
  });

  it('the client refreshes by itself on 401 when told to, and a revoked refresh token is invalid_grant', async () => {
    h = await startHarness({ faults: { tokenExpirySeconds: 60 } });
    const client = oauthClient(h.emulator);
    client.forceRefreshOnFailure = true;
    client.setCredentials({ access_token: h.emulator.accessToken, refresh_token: h.emulator.refreshToken });
    const gmail = new gmail_v1.Gmail({ rootUrl: `${h.emulator.url}/`, auth: client, retry: false });
    h.clock.advance(61_000);
    expect((await gmail.users.getProfile({ userId: 'me' })).status).toBe(200);
    expect(h.emulator.counters.errorsByKind['401 authError']).toBe(1);

    await client.revokeToken(h.emulator.refreshToken);
    const revoked = await oauthFailure(client.refreshAccessToken());
    expect(revoked).toEqual({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    });
    // Revoking the refresh token also revoked its access token: 401, then the refresh fails.
    await expect(gmail.users.getProfile({ userId: 'me' })).rejects.toThrow();
    expect(h.emulator.counters.errorsByKind['401 authError']).toBe(2);
  });

  it('scopes are bound to tokens: a readonly grant may use q, a metadata grant may not', async () => {
    h = await startHarness();
    const readonly = h.clientFor('https://www.googleapis.com/auth/gmail.readonly');
    expect((await readonly.users.messages.list({ userId: 'me', q: 'in:inbox' })).status).toBe(200);
    expect((await failure(h.gmail.users.messages.list({ userId: 'me', q: 'in:inbox' }))).status).toBe(403);
  });
});
