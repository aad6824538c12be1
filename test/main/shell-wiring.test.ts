import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onWindowClose, quitWhenAllWindowsClosed } from '../../electron/main/close-policy.ts';
import { resolveGoogleClient } from '../../electron/main/google-oauth-client.ts';
import { createMainCallHandler, type MainMethod } from '../../electron/main/main-calls.ts';
import { watchNetwork } from '../../electron/main/network-watch.ts';
import { pauseSyncJobs, resumeSyncJobs } from '../../electron/main/sync-control.ts';
import { resolveUpdateFeed, startUpdater, type UpdaterAdapter } from '../../electron/main/updater.ts';
import type { BriefApi } from '../../shared/contract.ts';
import { BriefError } from '../../shared/errors.ts';
import { ROOT } from '../paths.ts';
import { createManualTimers } from './fake-timers.ts';

const APP_FRAME = { frameUrl: 'file:///app/out/renderer/index.html', isMainFrame: true };
const TRUSTED = ['file:///app/out/renderer/index.html'];

describe('calls answered by the main process', () => {
  const setup = () => {
    const routed: unknown[] = [];
    const after: string[] = [];
    const handle = createMainCallHandler({
      route: async (_sender, name) => {
        routed.push(name);
        return { ok: true, value: { routed: name } };
      },
      trustedOrigins: TRUSTED,
      local: new Map([['accounts.forget', async (args: unknown) => ({ local: args })]]),
      after: (name) => after.push(name),
    });
    return { handle, routed, after };
  };

  it('answers its own methods after validating them, and routes the rest to the engine', async () => {
    const { handle, routed, after } = setup();
    expect(await handle(APP_FRAME, 'accounts.forget', { accountId: 3 })).toEqual({
      ok: true,
      value: { local: { accountId: 3 } },
    });
    expect(await handle(APP_FRAME, 'settings.get', {})).toEqual({
      ok: true,
      value: { routed: 'settings.get' },
    });
    expect(routed).toEqual(['settings.get']);
    expect(after).toEqual(['accounts.forget', 'settings.get']);
  });

  it('applies the sender check and the schema to its own methods too', async () => {
    const { handle } = setup();
    const foreign = await handle(
      { frameUrl: 'https://evil.example/', isMainFrame: true },
      'accounts.forget',
      {
        accountId: 3,
      },
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const invalid = await handle(APP_FRAME, 'accounts.forget', { accountId: 'three' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('the shell answers its own contract methods', () => {
  it('signs in and exports diagnostics itself, never through the engine', async () => {
    const routed: unknown[] = [];
    const handle = createMainCallHandler({
      route: async (_sender, name) => {
        routed.push(name);
        return { ok: true, value: null };
      },
      trustedOrigins: TRUSTED,
      local: new Map<string, MainMethod>([
        ['accounts.connectGmail', async () => ({ id: 1 })],
        ['diagnostics.export', async () => ({ path: null })],
      ]),
    });
    expect(await handle(APP_FRAME, 'accounts.connectGmail', {})).toEqual({ ok: true, value: { id: 1 } });
    expect(await handle(APP_FRAME, 'diagnostics.export', {})).toEqual({ ok: true, value: { path: null } });
    expect(routed).toEqual([]);
    // electron/main/index.ts needs Electron to run; that it registers both is checked in its text.
    const shell = readFileSync(join(ROOT, 'electron', 'main', 'index.ts'), 'utf8');
    const local = shell.slice(shell.indexOf('const mainMethods'), shell.indexOf('const handleCall'));
    for (const name of ['accounts.forget', 'accounts.connectGmail', 'diagnostics.export', 'brief.saveDigest'])
      expect(local).toContain(`'${name}',`);
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
