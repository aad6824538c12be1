import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileVault } from '../../electron/engine/auth/file-vault.ts';
import { runLoopbackAuthorization } from '../../electron/engine/auth/loopback-authorization.ts';
import type { OAuthClientConfig } from '../../electron/engine/auth/oauth-config.ts';
import { RefreshingTokenProvider } from '../../electron/engine/auth/refreshing-token-provider.ts';
import { createManualClock } from '../emulator/clock.ts';
import { type RunningEmulator, startEmulator } from '../emulator/server.ts';

let emulator: RunningEmulator | null = null;
let dir: string | null = null;
afterEach(async () => {
  await emulator?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  emulator = null;
  dir = null;
});

/** The browser: follows the consent page's redirect to the loopback listener. */
async function browse(url: string): Promise<void> {
  const consent = await fetch(url, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const callback = await fetch(consent.headers.get('location')!);
  expect(callback.status).toBe(200);
}

describe('OAuth for installed apps', () => {
  it('authorizes over a loopback redirect with PKCE, stores the grant 0600, refreshes, and asks to reconnect on invalid_grant', async () => {
    const clock = createManualClock(Date.now());
    emulator = await startEmulator({ clock });
    const config: OAuthClientConfig = {
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      authorizationEndpoint: emulator.endpoints.oauth2AuthBaseUrl,
      tokenEndpoint: emulator.endpoints.oauth2TokenUrl,
    };
    let opened = '';
    const grant = await runLoopbackAuthorization({
      ...config,
      now: clock.now,
      openBrowser: async (url) => {
        opened = url;
        await browse(url);
      },
    });
    const asked = new URL(opened).searchParams;
    expect(asked.get('code_challenge_method')).toBe('S256');
    expect(asked.get('access_type')).toBe('offline');
    expect(asked.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(grant.refreshToken).toMatch(/^1\/\//);
    expect(grant.scope).toBe('https://www.googleapis.com/auth/gmail.metadata');
    expect(emulator.oauth.validate(grant.accessToken)).toBeDefined();

    dir = mkdtempSync(join(tmpdir(), 'brief-vault-'));
    const vault = new FileVault(join(dir, 'tokens.json'));
    vault.set(emulator.user, { refreshToken: grant.refreshToken, scope: grant.scope });
    expect(statSync(vault.path).mode & 0o777).toBe(0o600);

    const provider = new RefreshingTokenProvider(vault, config, clock.now);
    const account = { id: 1, address: emulator.user };
    const first = await provider.getAccessToken(account);
    expect(emulator.oauth.validate(first.accessToken)).toBeDefined();
    expect((await provider.getAccessToken(account)).accessToken).toBe(first.accessToken);
    clock.advance(3600_000);
    const renewed = await provider.getAccessToken(account);
    expect(renewed.accessToken).not.toBe(first.accessToken);
    const forced = await provider.getAccessToken(account, { forceRefresh: true });
    expect(forced.accessToken).not.toBe(renewed.accessToken);

    emulator.oauth.revoke(grant.refreshToken);
    await expect(provider.getAccessToken(account, { forceRefresh: true })).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringContaining(`Reconnect ${emulator.user}`),
    });
  });

  it('rejects a redirect whose state does not match', async () => {
    emulator = await startEmulator();
    const attempt = runLoopbackAuthorization({
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      authorizationEndpoint: emulator.endpoints.oauth2AuthBaseUrl,
      tokenEndpoint: emulator.endpoints.oauth2TokenUrl,
      openBrowser: async (url) => {
        const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!);
        redirect.searchParams.set('code', 'forged');
        redirect.searchParams.set('state', 'not-ours');
        await fetch(redirect);
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });

  it('forgets a token Gmail refused when the refresh asked for it fails, so no one is handed it again', async () => {
    const running = await startEmulator();
    emulator = running;
    dir = mkdtempSync(join(tmpdir(), 'brief-vault-'));
    const vault = new FileVault(join(dir, 'tokens.json'));
    vault.set(running.user, {
      refreshToken: running.refreshToken,
      scope: 'https://www.googleapis.com/auth/gmail.metadata',
    });
    const provider = new RefreshingTokenProvider(vault, {
      clientId: running.clientId,
      clientSecret: running.clientSecret,
      authorizationEndpoint: running.endpoints.oauth2AuthBaseUrl,
      tokenEndpoint: running.endpoints.oauth2TokenUrl,
    });
    const account = { id: 1, address: running.user };
    await provider.getAccessToken(account);
    // Gmail refused that token; the sign-in server is gone when the refresh is asked for.
    await running.close();
    emulator = null;
    await expect(provider.getAccessToken(account, { forceRefresh: true })).rejects.toMatchObject({
      code: 'NETWORK',
    });
    await expect(provider.getAccessToken(account)).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
