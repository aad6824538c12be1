import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forgetAccount } from '../../electron/main/account-connection.ts';
import type { GoogleClientConfig } from '../../electron/main/google-oauth-client.ts';
import { type SafeStorageAdapter, TokenVault } from '../../electron/main/vault.ts';
import { createVaultTokenProvider } from '../../electron/main/vault-token-provider.ts';
import type { BriefApi } from '../../shared/contract.ts';
import { type RunningEmulator, startEmulator } from '../emulator/server.ts';

/** A stand-in for Electron's safeStorage: a reversible transform, so ciphertext never equals the secret. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageAdapter {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed) => {
      const text = sealed.toString();
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(text.slice(7), 'hex').toString();
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

const folder = () => mkdtempSync(join(tmpdir(), 'brief-vault-'));
const SECRET = '1//0gRefreshTokenThatMustNeverAppearInPlainText';

describe('token vault', () => {
  it('stores refresh tokens encrypted, readable only by the user', () => {
    const path = join(folder(), 'tokens.vault');
    const vault = new TokenVault({ path, safeStorage: fakeSafeStorage(), platform: 'linux' });
    vault.set('Person@Example.com', { refreshToken: SECRET, scope: 'gmail.metadata' }, 1000);
    expect(readFileSync(path, 'utf8')).not.toContain(SECRET);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    const reopened = new TokenVault({ path, safeStorage: fakeSafeStorage(), platform: 'linux' });
    expect(reopened.get('person@example.com')).toEqual({
      refreshToken: SECRET,
      scope: 'gmail.metadata',
      savedAt: 1000,
    });
    expect(reopened.addresses()).toEqual(['person@example.com']);
  });

  it('refuses Linux plain-text storage with a sentence saying what to do', () => {
    const vault = new TokenVault({
      path: join(folder(), 'tokens.vault'),
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      platform: 'linux',
    });
    expect(() => vault.set('a@example.com', { refreshToken: SECRET, scope: 's' })).toThrow(
      /GNOME Keyring or KWallet/,
    );
    try {
      vault.assertUsable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'AUTH_REQUIRED' });
    }
    // basic_text is a Linux backend name; elsewhere the OS keychain is used whatever it reports.
    const mac = new TokenVault({
      path: join(folder(), 'tokens.vault'),
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      platform: 'darwin',
    });
    expect(() => mac.assertUsable()).not.toThrow();
  });

  it('refuses when encryption is unavailable', () => {
    const vault = new TokenVault({
      path: join(folder(), 'tokens.vault'),
      safeStorage: fakeSafeStorage({ available: false }),
      platform: 'win32',
    });
    expect(() => vault.assertUsable()).toThrow(/no secure storage/);
  });

  it('forgets an account: its token is gone from the file', () => {
    const path = join(folder(), 'tokens.vault');
    const vault = new TokenVault({ path, safeStorage: fakeSafeStorage(), platform: 'linux' });
    vault.set('a@example.com', { refreshToken: SECRET, scope: 's' });
    vault.set('b@example.com', { refreshToken: 'other-token', scope: 's' });
    expect(vault.remove('A@example.com')).toBe(true);
    expect(vault.remove('a@example.com')).toBe(false);
    expect(vault.get('a@example.com')).toBeNull();
    expect(vault.has('b@example.com')).toBe(true);
    expect(readFileSync(path, 'utf8')).not.toContain(Buffer.from(SECRET).toString('hex'));
  });

  it('reports a damaged vault instead of overwriting it, and a token sealed by another keychain', () => {
    const path = join(folder(), 'tokens.vault');
    writeFileSync(path, '{not json');
    const vault = new TokenVault({ path, safeStorage: fakeSafeStorage(), platform: 'linux' });
    expect(() => vault.get('a@example.com')).toThrow(expect.objectContaining({ code: 'CORRUPT_STORE' }));
    writeFileSync(path, JSON.stringify({ version: 1, entries: { 'a@example.com': 'Zm9yZWlnbg==' } }));
    expect(() => vault.get('a@example.com')).toThrow(expect.objectContaining({ code: 'AUTH_REQUIRED' }));
  });
});

describe('vault token provider against the emulator token endpoint', () => {
  let emulator: RunningEmulator;
  let client: GoogleClientConfig;
  beforeAll(async () => {
    emulator = await startEmulator({ user: 'owner@example.com' });
    client = {
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      scope: emulator.scope,
      endpoints: {
        authUrl: emulator.endpoints.oauth2AuthBaseUrl,
        tokenUrl: emulator.endpoints.oauth2TokenUrl,
        revokeUrl: emulator.endpoints.oauth2RevokeUrl,
        gmailRootUrl: `${emulator.url}/`,
      },
    };
  });
  afterAll(() => emulator.close());

  const vaultWith = (refreshToken: string) => {
    const vault = new TokenVault({
      path: join(folder(), 'tokens.vault'),
      safeStorage: fakeSafeStorage(),
      platform: 'linux',
    });
    vault.set('owner@example.com', { refreshToken, scope: emulator.scope });
    return vault;
  };

  it('refreshes, caches until near expiry, and shares one refresh between concurrent requests', async () => {
    let now = 1_000_000;
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls++;
      return fetch(input, init);
    };
    const provider = createVaultTokenProvider({
      vault: vaultWith(emulator.refreshToken),
      client,
      fetch: counting,
      clock: () => now,
    });
    const account = { id: 1, address: 'Owner@example.com' };
    const [first, second] = await Promise.all([
      provider.getAccessToken(account),
      provider.getAccessToken(account),
    ]);
    expect(calls).toBe(1);
    expect(first).toEqual(second);
    expect(first.accessToken).toMatch(/^ya29\./);
    expect(emulator.oauth.validate(first.accessToken)).toBeDefined();
    const profile = await fetch(`${emulator.url}/gmail/v1/users/me/profile`, {
      headers: { authorization: `Bearer ${first.accessToken}` },
    });
    expect(profile.status).toBe(200);
    expect(await provider.getAccessToken(account)).toEqual(first);
    expect(calls).toBe(1);
    now = first.expiresAt - 30_000;
    const renewed = await provider.getAccessToken(account);
    expect(calls).toBe(2);
    expect(renewed.accessToken).not.toBe(first.accessToken);
    await provider.getAccessToken(account, { forceRefresh: true });
    expect(calls).toBe(3);
  });

  it('answers AUTH_REQUIRED for a revoked grant, an unknown account or a missing client', async () => {
    const revoked = createVaultTokenProvider({ vault: vaultWith('1//0gNotAValidRefreshToken'), client });
    await expect(revoked.getAccessToken({ id: 1, address: 'owner@example.com' })).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringMatching(/Reconnect/),
    });
    await expect(revoked.getAccessToken({ id: 2, address: 'stranger@example.com' })).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
    });
    const unconfigured = createVaultTokenProvider({ vault: vaultWith(emulator.refreshToken), client: null });
    await expect(unconfigured.getAccessToken({ id: 1, address: 'owner@example.com' })).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
      message: expect.stringMatching(/docs\/shell\.md/),
    });
  });

  it('answers NETWORK when the endpoint cannot be reached', async () => {
    const offline = createVaultTokenProvider({
      vault: vaultWith(emulator.refreshToken),
      client: { ...client, endpoints: { ...client.endpoints, tokenUrl: 'http://127.0.0.1:9/token' } },
    });
    await expect(offline.getAccessToken({ id: 1, address: 'owner@example.com' })).rejects.toMatchObject({
      code: 'NETWORK',
    });
  });

  it('Forget account removes the account through the engine and its token from the vault', async () => {
    const vault = vaultWith(emulator.refreshToken);
    const tokens = createVaultTokenProvider({ vault, client });
    const calls: string[] = [];
    const engine = {
      call: async (name: string) => {
        calls.push(name);
        return name === 'accounts.get'
          ? { id: 4, address: 'owner@example.com' }
          : { accountId: 4, forgotten: true };
      },
    } as unknown as Pick<BriefApi, 'call'>;
    expect(await forgetAccount(engine, { vault, tokens }, 4)).toEqual({ accountId: 4, forgotten: true });
    expect(calls).toEqual(['accounts.get', 'accounts.forget']);
    expect(vault.get('owner@example.com')).toBeNull();
    await expect(tokens.getAccessToken({ id: 4, address: 'owner@example.com' })).rejects.toMatchObject({
      code: 'AUTH_REQUIRED',
    });
  });
});
