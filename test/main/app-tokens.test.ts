/**
 * The access tokens main hands the engine worker: the engine's RefreshingTokenProvider over the
 * app's encrypted vault, against the emulator's token endpoint (and a stand-in answer where the
 * emulator cannot say it: a rotated refresh token, a rate limit).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { forgetAccount } from '../../electron/main/account-connection.ts';
import { createAppTokenProvider } from '../../electron/main/app-token-provider.ts';
import type { GoogleClient } from '../../electron/main/google-oauth-client.ts';
import { TokenVault } from '../../electron/main/vault.ts';
import type { BriefApi } from '../../shared/contract.ts';
import { type RunningEmulator, startEmulator } from '../emulator/server.ts';
import { fakeSafeStorage } from './fake-safe-storage.ts';

const OWNER = { id: 1, address: 'Owner@example.com' };

describe('app token provider against the emulator token endpoint', () => {
  let emulator: RunningEmulator;
  let client: GoogleClient;
  beforeAll(async () => {
    emulator = await startEmulator({ user: 'owner@example.com' });
    client = {
      oauth: {
        clientId: emulator.clientId,
        clientSecret: emulator.clientSecret,
        authorizationEndpoint: emulator.endpoints.oauth2AuthBaseUrl,
        tokenEndpoint: emulator.endpoints.oauth2TokenUrl,
      },
      gmailRootUrl: `${emulator.url}/`,
    };
  });
  afterAll(() => emulator.close());
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const vaultWith = (refreshToken: string) => {
    const vault = new TokenVault({
      path: join(mkdtempSync(join(tmpdir(), 'brief-tokens-')), 'tokens.vault'),
      safeStorage: fakeSafeStorage(),
      platform: 'linux',
    });
    vault.set('owner@example.com', { refreshToken, scope: emulator.scope });
    return vault;
  };
  /** Counts the requests that reach the token endpoint. */
  const countTokenRequests = () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    return () => spy.mock.calls.filter(([url]) => String(url) === client.oauth.tokenEndpoint).length;
  };

  it('refreshes, caches until near expiry, and shares one refresh between concurrent requests', async () => {
    let now = 1_000_000;
    const tokenRequests = countTokenRequests();
    const provider = createAppTokenProvider(vaultWith(emulator.refreshToken), client, () => now);
    const [first, second] = await Promise.all([
      provider.getAccessToken(OWNER),
      provider.getAccessToken(OWNER),
    ]);
    expect(tokenRequests()).toBe(1);
    expect(first).toEqual(second);
    expect(first.accessToken).toMatch(/^ya29\./);
    const profile = await fetch(`${emulator.url}/gmail/v1/users/me/profile`, {
      headers: { authorization: `Bearer ${first.accessToken}` },
    });
    expect(profile.status).toBe(200);
    expect(await provider.getAccessToken(OWNER)).toEqual(first);
    expect(tokenRequests()).toBe(1);

    now = first.expiresAt - 30_000;
    const renewed = await provider.getAccessToken(OWNER);
    expect(tokenRequests()).toBe(2);
    expect(renewed.accessToken).not.toBe(first.accessToken);

    // A burst of 401s: every forced request joins the one refresh under way.
    const forced = await Promise.all(
      [1, 2, 3].map(() => provider.getAccessToken(OWNER, { forceRefresh: true })),
    );
    expect(tokenRequests()).toBe(3);
    expect(new Set(forced.map((token) => token.accessToken)).size).toBe(1);
    expect(forced[0]!.accessToken).not.toBe(renewed.accessToken);
  });

  it('answers AUTH_REQUIRED for a revoked grant, an unknown account or a missing client', async () => {
    const revoked = createAppTokenProvider(vaultWith('1//0gNotAValidRefreshToken'), client);
    await expect(revoked.getAccessToken(OWNER)).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringMatching(/Reconnect Owner@example\.com/),
    });
    await expect(revoked.getAccessToken({ id: 2, address: 'stranger@example.com' })).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
    });
    const unconfigured = createAppTokenProvider(vaultWith(emulator.refreshToken), null);
    await expect(unconfigured.getAccessToken(OWNER)).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringMatching(/docs\/shell\.md/),
    });
  });

  it('answers NETWORK when the endpoint cannot be reached, RATE_LIMITED when Google limits it', async () => {
    const offline = createAppTokenProvider(vaultWith(emulator.refreshToken), {
      ...client,
      oauth: { ...client.oauth, tokenEndpoint: 'http://127.0.0.1:9/token' },
    });
    await expect(offline.getAccessToken(OWNER)).rejects.toMatchObject({ code: 'NETWORK' });
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(
      Response.json({ error: 'rate_limit_exceeded' }, { status: 429 }),
    );
    const limited = createAppTokenProvider(vaultWith(emulator.refreshToken), client);
    await expect(limited.getAccessToken(OWNER)).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('keeps a rotated refresh token in the vault', async () => {
    const vault = vaultWith(emulator.refreshToken);
    vi.spyOn(globalThis, 'fetch').mockResolvedValueOnce(
      Response.json({ access_token: 'ya29.rotated', expires_in: 3600, refresh_token: '1//rotated' }),
    );
    const provider = createAppTokenProvider(vault, client);
    expect((await provider.getAccessToken(OWNER)).accessToken).toBe('ya29.rotated');
    expect(vault.get('owner@example.com')).toMatchObject({
      refreshToken: '1//rotated',
      scope: emulator.scope,
    });
  });

  it('Forget account removes the account through the engine and its token from the vault', async () => {
    const vault = vaultWith(emulator.refreshToken);
    const tokens = createAppTokenProvider(vault, client);
    await tokens.getAccessToken(OWNER);
    const calls: string[] = [];
    const engine = {
      call: async (name: string) => {
        calls.push(name);
        return name === 'accounts.get'
          ? { id: 1, address: 'owner@example.com' }
          : { accountId: 1, forgotten: true };
      },
    } as unknown as Pick<BriefApi, 'call'>;
    expect(await forgetAccount(engine, { vault, tokens }, 1)).toEqual({ accountId: 1, forgotten: true });
    expect(calls).toEqual(['accounts.get', 'accounts.forget']);
    expect(vault.get('owner@example.com')).toBeNull();
    // The cached access token went with it.
    await expect(tokens.getAccessToken(OWNER)).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
  });
});
