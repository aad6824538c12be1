import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectGmail } from '../../electron/main/account-connection.ts';
import { resolveGoogleClient } from '../../electron/main/google-oauth-client.ts';
import {
  buildConsentUrl,
  createPkcePair,
  signInWithGoogle,
  startLoopbackReceiver,
} from '../../electron/main/oauth-loopback.ts';
import { TokenVault } from '../../electron/main/vault.ts';
import { createVaultTokenProvider } from '../../electron/main/vault-token-provider.ts';
import type { Account } from '../../shared/domain.ts';
import { type RunningEmulator, startEmulator } from '../emulator/server.ts';

const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(text).reverse(),
  decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString(),
};

describe('Google sign-in with loopback redirect and PKCE (against the emulator)', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({ user: 'Owner@Example.com' });
  });
  afterAll(() => emulator.close());

  const client = () =>
    resolveGoogleClient(
      {
        BRIEF_GOOGLE_CLIENT_ID: emulator.clientId,
        BRIEF_GOOGLE_CLIENT_SECRET: emulator.clientSecret,
        BRIEF_GOOGLE_BASE_URL: emulator.url,
      },
      {},
    )!;
  /** The "browser": follows the consent page's redirect to the loopback listener, as a person's click would. */
  const browser = async (url: string) => {
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('360Brief is connected');
  };

  it('builds a consent URL with S256 PKCE, offline access and the metadata scope', () => {
    const pkce = createPkcePair();
    expect(pkce.verifier.length).toBeGreaterThanOrEqual(43);
    const url = new URL(
      buildConsentUrl(client(), {
        redirectUri: 'http://127.0.0.1:1/callback',
        state: 's',
        challenge: pkce.challenge,
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      code_challenge_method: 'S256',
      code_challenge: pkce.challenge,
      access_type: 'offline',
      scope: 'https://www.googleapis.com/auth/gmail.metadata',
      response_type: 'code',
    });
    expect(url.searchParams.has('code_verifier')).toBe(false);
  });

  it('signs in through the system browser and learns the account address', async () => {
    const opened: string[] = [];
    const signIn = await signInWithGoogle({
      client: client(),
      openExternal: async (url) => {
        opened.push(url);
        await browser(url);
      },
    });
    expect(opened[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/o\/oauth2\/v2\/auth\?/);
    expect(signIn.address).toBe('owner@example.com');
    expect(signIn.refreshToken).toMatch(/^1\/\//);
    expect(emulator.oauth.validate(signIn.accessToken)).toBeDefined();
  });

  it('ignores a redirect with the wrong state and reports a denied consent', async () => {
    const receiver = await startLoopbackReceiver('expected');
    const forged = await fetch(`${receiver.redirectUri}?state=other&code=stolen`);
    expect(forged.status).toBe(400);
    const denied = fetch(`${receiver.redirectUri}?state=expected&error=access_denied`);
    await expect(receiver.code).rejects.toMatchObject({ code: 'AUTH_REQUIRED', message: /cancelled/ });
    expect((await denied).status).toBe(200);
  });

  it('can be cancelled while waiting for the browser', async () => {
    const controller = new AbortController();
    const receiver = await startLoopbackReceiver('s', controller.signal);
    controller.abort();
    await expect(receiver.code).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('connects an account: token into the vault, account registered, vault cleaned if registering fails', async () => {
    const vault = new TokenVault({
      path: join(mkdtempSync(join(tmpdir(), 'brief-oauth-')), 'v'),
      safeStorage,
      platform: 'darwin',
    });
    const tokens = createVaultTokenProvider({ vault, client: client() });
    const signIn = () => signInWithGoogle({ client: client(), openExternal: browser });
    const account = await connectGmail({
      vault,
      tokens,
      signIn,
      register: async (address) => ({ id: 9, address }) as Account,
    });
    expect(account).toMatchObject({ id: 9, address: 'owner@example.com' });
    expect(vault.get('owner@example.com')?.refreshToken).toMatch(/^1\/\//);
    const token = await tokens.getAccessToken({ id: 9, address: 'owner@example.com' });
    expect(emulator.oauth.validate(token.accessToken)).toBeDefined();

    vault.remove('owner@example.com');
    await expect(
      connectGmail({
        vault,
        tokens,
        signIn,
        register: () => Promise.reject(new Error('engine down')),
      }),
    ).rejects.toThrow('engine down');
    expect(vault.has('owner@example.com')).toBe(false);
  });

  it('refuses before opening the browser when tokens could not be stored safely', async () => {
    const vault = new TokenVault({
      path: join(mkdtempSync(join(tmpdir(), 'brief-oauth-')), 'v'),
      safeStorage: { ...safeStorage, getSelectedStorageBackend: () => 'basic_text' },
      platform: 'linux',
    });
    let opened = false;
    await expect(
      connectGmail({
        vault,
        tokens: createVaultTokenProvider({ vault, client: client() }),
        signIn: async () => {
          opened = true;
          throw new Error('unreachable');
        },
        register: async () => ({}) as Account,
      }),
    ).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(opened).toBe(false);
  });
});
