import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GMAIL_METADATA_SCOPE } from '../../electron/engine/index.ts';
import { createAppTokenProvider } from '../../electron/main/app-token-provider.ts';
import { onWindowClose, quitWhenAllWindowsClosed } from '../../electron/main/close-policy.ts';
import { resolveGoogleClient } from '../../electron/main/google-oauth-client.ts';
import { createShellCalls } from '../../electron/main/main-calls.ts';
import { watchNetwork } from '../../electron/main/network-watch.ts';
import { pauseSyncJobs, resumeSyncJobs } from '../../electron/main/sync-control.ts';
import { resolveUpdateFeed, startUpdater, type UpdaterAdapter } from '../../electron/main/updater.ts';
import { TokenVault } from '../../electron/main/vault.ts';
import {
  type BriefApi,
  HOST_METHOD_NAMES,
  hostOnlyRefusal,
  type MethodName,
  type ValidatingCaller,
} from '../../shared/contract.ts';
import { BriefError } from '../../shared/errors.ts';
import { openEngine, tempFolder } from '../engine/helpers.ts';
import { fakeSafeStorage } from './fake-safe-storage.ts';
import { createManualTimers } from './fake-timers.ts';

const APP_FRAME = { frameUrl: 'file:///app/out/renderer/index.html', isMainFrame: true };
const TRUSTED = ['file:///app/out/renderer/index.html'];
const SIGNED_IN = {
  address: 'owner@example.com',
  refreshToken: '1//refresh-owner',
  scope: GMAIL_METADATA_SCOPE,
};

/**
 * The door electron/main/index.ts hands every IPC call to (createShellCalls), built as the app
 * builds it, with a real engine, a real vault file and real files written; only Electron's pieces
 * (the browser's sign-in, the save dialog, safeStorage) are small stand-ins.
 */
function shellDoor() {
  const folder = tempFolder('brief-shell-');
  const engine = openEngine();
  const vault = new TokenVault({
    path: join(folder, 'tokens.vault'),
    safeStorage: fakeSafeStorage(),
    platform: 'darwin',
  });
  const tokens = createAppTokenProvider(vault, null);
  const routed: string[] = [];
  const after: string[] = [];
  const chosen: string[] = [];
  // Every call that reaches the engine, seen on its way there.
  const seenEngine = {
    call: (name: MethodName, args: unknown) => {
      routed.push(name);
      return (engine as ValidatingCaller).call(name, args);
    },
  };
  const shell = createShellCalls({
    engine: seenEngine as Pick<BriefApi, 'call'>,
    vault,
    tokens,
    signIn: async () => SIGNED_IN,
    choosePath: async (fileName) => {
      chosen.push(fileName);
      return join(folder, fileName);
    },
    chooseMail: async (folders) => (folders ? [join(folder, 'Takeout')] : []),
    appInfo: () => ({ version: 'test', engine: 'running' }),
    logFolders: [],
    now: () => Date.UTC(2026, 0, 15, 12),
    trustedOrigins: TRUSTED,
    after: (name) => after.push(name),
  });
  return { engine, vault, handle: shell.handle, routed, after, chosen };
}

describe('the shell answers the methods the contract marks for the host (real wiring)', () => {
  it('marks connect Gmail, forget, save digest, export diagnostics and choosing mail for the host, and nothing else', () => {
    expect([...HOST_METHOD_NAMES].sort()).toEqual([
      'accounts.connectGmail',
      'accounts.forget',
      'brief.saveDigest',
      'diagnostics.export',
      'import.choosePaths',
    ]);
  });

  it('answers the chosen mail from the open dialog, and no paths when it was cancelled', async () => {
    const { handle, routed } = shellDoor();
    const folders = (await handle(APP_FRAME, 'import.choosePaths', { folders: true })) as {
      value: { paths: string[] };
    };
    expect(folders.value.paths).toHaveLength(1);
    expect(basename(folders.value.paths[0]!)).toBe('Takeout');
    expect(await handle(APP_FRAME, 'import.choosePaths', { folders: false })).toEqual({
      ok: true,
      value: { paths: [] },
    });
    expect(await handle(APP_FRAME, 'import.choosePaths', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(routed).toEqual([]);
  });

  it('connects and forgets a Gmail account: the token in the vault, the account in the engine, both gone after', async () => {
    const { engine, vault, handle, routed, after } = shellDoor();
    const connected = await handle(APP_FRAME, 'accounts.connectGmail', {});
    expect(connected).toMatchObject({ ok: true, value: { address: 'owner@example.com', provider: 'gmail' } });
    expect(vault.get('owner@example.com')?.refreshToken).toBe('1//refresh-owner');
    // The shell answered it, registering through the engine's own method.
    expect(routed).toEqual(['accounts.registerGmail']);
    const { id } = (connected as { value: { id: number } }).value;
    expect(await handle(APP_FRAME, 'accounts.forget', { accountId: id })).toEqual({
      ok: true,
      value: { accountId: id, forgotten: true },
    });
    expect(vault.has('owner@example.com')).toBe(false);
    expect(await engine.call('accounts.list', {})).toEqual([]);
    expect(after).toEqual(['accounts.connectGmail', 'accounts.forget']);
  });

  it("saves the digest and exports diagnostics where the dialog says, from the engine's answers", async () => {
    const { handle, chosen } = shellDoor();
    const saved = (await handle(APP_FRAME, 'brief.saveDigest', { account: 'all' })) as {
      value: { path: string };
    };
    expect(readFileSync(saved.value.path, 'utf8')).toMatch(/^<!doctype html>/i);
    const exported = (await handle(APP_FRAME, 'diagnostics.export', {})) as { value: { path: string } };
    const diagnostics = JSON.parse(readFileSync(exported.value.path, 'utf8')) as Record<string, unknown>;
    expect(diagnostics).toMatchObject({ app: { version: 'test' }, jobs: { total: 0 } });
    expect(chosen).toEqual([basename(saved.value.path), basename(exported.value.path)]);
  });

  it('sends every other method to the engine, and refuses foreign frames, bad arguments and unknown names', async () => {
    const { handle, routed } = shellDoor();
    expect(await handle(APP_FRAME, 'accounts.list', {})).toEqual({ ok: true, value: [] });
    expect(routed).toEqual(['accounts.list']);
    const foreign = { frameUrl: 'https://evil.example/', isMainFrame: true };
    for (const [sender, name, args] of [
      [foreign, 'accounts.forget', { accountId: 3 }],
      [foreign, 'accounts.list', {}],
      [APP_FRAME, 'accounts.forget', { accountId: 'three' }],
      [APP_FRAME, 'diagnostics.export', { path: '/etc/passwd' }],
      [APP_FRAME, 'drop.everything', {}],
    ] as const)
      expect(await handle(sender, name, args)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(routed).toEqual(['accounts.list']);
  });

  it("the engine refuses a host-only method with the contract's sentence", async () => {
    const engine = openEngine();
    for (const name of ['accounts.connectGmail', 'diagnostics.export'] as const)
      await expect(engine.call(name, {})).rejects.toMatchObject({
        code: 'UNSUPPORTED_INPUT',
        message: hostOnlyRefusal(name).message,
      });
    await expect(engine.call('import.choosePaths', { folders: false })).rejects.toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: hostOnlyRefusal('import.choosePaths').message,
    });
  });
});

describe('window close and quit policy', () => {
  it('hides to the tray only when the setting is on, a tray exists and the app is not quitting', () => {
    expect(onWindowClose({ keepSyncingInTray: true, quitting: false, hasTray: true })).toBe('hide');
    expect(onWindowClose({ keepSyncingInTray: false, quitting: false, hasTray: true })).toBe('close');
    expect(onWindowClose({ keepSyncingInTray: true, quitting: true, hasTray: true })).toBe('close');
    expect(onWindowClose({ keepSyncingInTray: true, quitting: false, hasTray: false })).toBe('close');
    expect(quitWhenAllWindowsClosed({ keepSyncingInTray: false, platform: 'win32' })).toBe(true);
    expect(quitWhenAllWindowsClosed({ keepSyncingInTray: false, platform: 'darwin' })).toBe(false);
    expect(quitWhenAllWindowsClosed({ keepSyncingInTray: true, platform: 'linux' })).toBe(false);
  });
});

describe('network watch', () => {
  it('reports each change once', () => {
    const timers = createManualTimers(0);
    let online = true;
    const changes: boolean[] = [];
    const stop = watchNetwork({
      isOnline: () => online,
      repeat: timers.repeat,
      onChange: (v) => changes.push(v),
      intervalMs: 1000,
    });
    timers.advance(3000);
    online = false;
    timers.advance(3000);
    online = true;
    timers.advance(1000);
    expect(changes).toEqual([false, true]);
    stop();
    expect(timers.pending()).toBe(0);
  });
});

describe('configuration', () => {
  it('reads the OAuth client from the environment before shell.json, and is absent without one', () => {
    expect(resolveGoogleClient({}, {})).toBeNull();
    expect(resolveGoogleClient({ BRIEF_GOOGLE_CLIENT_ID: 'id-without-secret' }, {})).toBeNull();
    const fromFile = resolveGoogleClient(
      {},
      { googleClientId: 'file-id', googleClientSecret: 'file-secret' },
    );
    expect(fromFile).toEqual({
      oauth: {
        clientId: 'file-id',
        clientSecret: 'file-secret',
        authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
        tokenEndpoint: 'https://oauth2.googleapis.com/token',
      },
      gmailRootUrl: 'https://gmail.googleapis.com/',
    });
    // The engine's variables: the same ones point the worker's sync and the CLI at the emulator.
    const fromEnv = resolveGoogleClient(
      {
        BRIEF_GOOGLE_CLIENT_ID: 'env-id',
        BRIEF_GOOGLE_CLIENT_SECRET: 's',
        BRIEF_OAUTH_AUTHORIZATION_URL: 'http://127.0.0.1:8790/o/oauth2/v2/auth',
        BRIEF_OAUTH_TOKEN_URL: 'http://127.0.0.1:8790/token',
        BRIEF_GMAIL_ROOT_URL: 'http://127.0.0.1:8790',
      },
      { googleClientId: 'file-id', googleClientSecret: 'file-secret' },
    );
    expect(fromEnv).toEqual({
      oauth: {
        clientId: 'env-id',
        clientSecret: 's',
        authorizationEndpoint: 'http://127.0.0.1:8790/o/oauth2/v2/auth',
        tokenEndpoint: 'http://127.0.0.1:8790/token',
      },
      gmailRootUrl: 'http://127.0.0.1:8790/',
    });
  });

  it('keeps updates off until an https feed is configured', async () => {
    expect(resolveUpdateFeed({}, {})).toBeNull();
    expect(resolveUpdateFeed({ BRIEF_UPDATE_URL: 'http://updates.example.com/' }, {})).toBeNull();
    expect(resolveUpdateFeed({}, { updateFeedUrl: 'not a url' })).toBeNull();
    expect(resolveUpdateFeed({}, { updateFeedUrl: 'https://updates.example.com/360brief/' })).toBe(
      'https://updates.example.com/360brief/',
    );
    let loaded = false;
    const off = await startUpdater({
      feedUrl: null,
      loadUpdater: async () => {
        loaded = true;
        throw new Error('must not load');
      },
      repeat: () => () => {},
      onError: () => {},
    });
    expect(off.enabled).toBe(false);
    expect(loaded).toBe(false);
  });

  it('points electron-updater at the feed and checks at start and every six hours', async () => {
    const timers = createManualTimers(0);
    const feeds: string[] = [];
    let checks = 0;
    const updater: UpdaterAdapter = {
      setFeedURL: ({ url }) => feeds.push(url),
      checkForUpdatesAndNotify: async () => {
        checks++;
      },
      autoDownload: false,
      autoInstallOnAppQuit: false,
    };
    const handle = await startUpdater({
      feedUrl: 'https://updates.example.com/',
      loadUpdater: async () => updater,
      repeat: timers.repeat,
      onError: () => {},
    });
    expect(handle.enabled).toBe(true);
    expect(feeds).toEqual(['https://updates.example.com/']);
    expect(updater.autoDownload).toBe(true);
    timers.advance(12 * 3600 * 1000);
    expect(checks).toBe(3);
    handle.stop();
  });
});

describe('sync control through the contract', () => {
  it('pauses queued and running syncs, skipping jobs that moved on, and resumes paused ones', async () => {
    const calls: Array<[string, unknown]> = [];
    const engine = {
      call: async (name: string, args: { status?: string; type?: string; jobId?: number }) => {
        calls.push([name, args]);
        if (name === 'jobs.list') {
          const ids: Record<string, number[]> = {
            'pending:sync_history': [4],
            'processing:fetch_messages': [5],
            'paused:sync_history': [6],
          };
          return { jobs: (ids[`${args.status}:${args.type}`] ?? []).map((id) => ({ id })), total: 0 };
        }
        if (args.jobId === 5) throw new BriefError('CONFLICT', 'Job 5 is completed.');
        return {};
      },
    } as unknown as Pick<BriefApi, 'call'>;
    expect(await pauseSyncJobs(engine)).toBe(1);
    expect(calls.filter(([name]) => name === 'jobs.pause').map(([, args]) => args)).toEqual([
      { jobId: 4 },
      { jobId: 5 },
    ]);
    expect(await resumeSyncJobs(engine)).toBe(1);
    expect(calls.at(-1)).toEqual(['jobs.resume', { jobId: 6 }]);
  });
});
