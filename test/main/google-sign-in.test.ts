/**
 * Connecting Gmail in the app: main's sign-in (the engine's loopback flow with the browser opened by
 * the shell, then the profile address) and what connecting does with the vault, against the emulator.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectGmail } from '../../electron/main/account-connection.ts';
import { createAppTokenProvider } from '../../electron/main/app-token-provider.ts';
import { type GoogleClient, resolveGoogleClient } from '../../electron/main/google-oauth-client.ts';
import { signInWithGoogle } from '../../electron/main/google-sign-in.ts';
import { TokenVault } from '../../electron/main/vault.ts';
import type { Account } from '../../shared/domain.ts';
import { type RunningEmulator, startEmulator } from '../emulator/server.ts';

const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text: string) => Buffer.from(text).reverse(),
  decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString(),
};

/** The "browser": follows the consent page's redirect to the loopback listener, as a person's click would. */
async function browse(url: string): Promise<void> {
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  expect(await answer.text()).toContain('360Brief is connected');
}

/** The loopback redirect the consent URL names, with the given query. */
function redirectTo(consentUrl: string, query: Record<string, string>): URL {
  const redirect = new URL(new URL(consentUrl).searchParams.get('redirect_uri')!);
  for (const [name, value] of Object.entries(query)) redirect.searchParams.set(name, value);
  return redirect;
}

const stateOf = (consentUrl: string) => new URL(consentUrl).searchParams.get('state')!;

describe('Google sign-in in the app (against the emulator)', () => {
  let emulator: RunningEmulator;
  let client: GoogleClient;
  beforeAll(async () => {
    emulator = await startEmulator({ user: 'Owner@Example.com' });
    client = resolveGoogleClient(
      {
        BRIEF_GOOGLE_CLIENT_ID: emulator.clientId,
        BRIEF_GOOGLE_CLIENT_SECRET: emulator.clientSecret,
        BRIEF_OAUTH_AUTHORIZATION_URL: emulator.endpoints.oauth2AuthBaseUrl,
        BRIEF_OAUTH_TOKEN_URL: emulator.endpoints.oauth2TokenUrl,
        BRIEF_GMAIL_ROOT_URL: emulator.url,
      },
      {},
    )!;
  });
  afterAll(() => emulator.close());

  it('signs in through the system browser with S256 PKCE and offline access, and learns the address', async () => {
    const opened: string[] = [];
    const signIn = await signInWithGoogle({
      client,
      openBrowser: async (url) => {
        opened.push(url);
        await browse(url);
      },
    });
    const asked = new URL(opened[0]!);
    expect(`${asked.origin}${asked.pathname}`).toBe(emulator.endpoints.oauth2AuthBaseUrl);
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      code_challenge_method: 'S256',
      access_type: 'offline',
      scope: 'https://www.googleapis.com/auth/gmail.metadata',
      response_type: 'code',
    });
    expect(asked.searchParams.has('code_verifier')).toBe(false);
    expect(signIn).toEqual({
      address: 'owner@example.com',
      refreshToken: expect.stringMatching(/^1\/\//),
      scope: 'https://www.googleapis.com/auth/gmail.metadata',
    });
  });

  it('ignores a redirect with the wrong state and completes with the right one', async () => {
    let forgedStatus = 0;
    const signIn = await signInWithGoogle({
      client,
      openBrowser: async (url) => {
        forgedStatus = (await fetch(redirectTo(url, { state: 'not-ours', code: 'stolen' }))).status;
        await browse(url);
      },
    });
    expect(forgedStatus).toBe(400);
    expect(signIn.address).toBe('owner@example.com');
  });

  it('reports a denied consent', async () => {
    let deniedStatus = 0;
    const attempt = signInWithGoogle({
      client,
      openBrowser: async (url) => {
        deniedStatus = (await fetch(redirectTo(url, { state: stateOf(url), error: 'access_denied' }))).status;
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'AUTH_REQUIRED', message: /cancelled/ });
    expect(deniedStatus).toBe(400);
  });

  it('can be cancelled while waiting for the browser, or before it starts', async () => {
    const controller = new AbortController();
    const waiting = signInWithGoogle({
      client,
      openBrowser: async () => controller.abort(),
      signal: controller.signal,
    });
    await expect(waiting).rejects.toMatchObject({ code: 'CANCELLED' });
    let opened = false;
    const late = signInWithGoogle({
      client,
      openBrowser: async () => {
        opened = true;
      },
      signal: AbortSignal.abort(),
    });
    await expect(late).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(opened).toBe(false);
  });

  it('connects an account: token into the vault, account registered, vault cleaned if registering fails', async () => {
    const vault = new TokenVault({
      path: join(mkdtempSync(join(tmpdir(), 'brief-oauth-')), 'v'),
      safeStorage,
      platform: 'darwin',
    });
    const tokens = createAppTokenProvider(vault, client);
    const signIn = () => signInWithGoogle({ client, openBrowser: browse });
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
      connectGmail({ vault, tokens, signIn, register: () => Promise.reject(new Error('engine down')) }),
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
        tokens: createAppTokenProvider(vault, client),
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
