/**
 * The Electron shell: lifecycle, single-instance lock, the window, the tray and background-sync
 * scheduler, notifications, the token vault and Google sign-in, updates, the engine worker under
 * supervision, and the IPC router. Every decision lives in a module without an Electron import
 * (tested under Node); this file only connects them to Electron's objects.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  Notification,
  net,
  type OpenDialogOptions,
  powerMonitor,
  safeStorage,
  session,
  shell,
  Tray,
} from 'electron';
import { type AppSettings, EVENT_NAMES, type Events } from '../../shared/contract.ts';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/ipc-channels.ts';
// biome-ignore lint/style/noRestrictedImports: a build-time path to the worker bundle, not a code import.
import analyticsWorkerPath from '../engine/analytics-worker.ts?modulePath';
import { createFileLogger, startWorkerHost, syncOptionsFromEnv } from '../engine/index.ts';
// biome-ignore lint/style/noRestrictedImports: a build-time path to the worker bundle, not a code import.
import workerPath from '../engine/worker.ts?modulePath';
import { createAppTokenProvider } from './app-token-provider.ts';
import { onWindowClose, quitWhenAllWindowsClosed } from './close-policy.ts';
import { readShellFileConfig, requireGoogleClient, resolveGoogleClient } from './google-oauth-client.ts';
import { signInWithGoogle } from './google-sign-in.ts';
import { createShellCalls } from './main-calls.ts';
import { createMorningBrief, type MorningNotice } from './morning-brief.ts';
import { watchNetwork } from './network-watch.ts';
import { createNotificationDecider, type Notice } from './notifications.ts';
import { createSyncScheduler } from './scheduler.ts';
import { rendererSource, shellEnvironment, trustedOriginsOf } from './shell-environment.ts';
import { pauseSyncJobs, resumeSyncJobs } from './sync-control.ts';
import type { TrayAction, TrayView } from './tray-model.ts';
import { createTrayPresenter } from './tray-presenter.ts';
import { resolveUpdateFeed, startUpdater } from './updater.ts';
import { TokenVault } from './vault.ts';
import { CONTENT_SECURITY_POLICY, isSafeExternalUrl, secureWebPreferences } from './window-security.ts';
import { loadWindowBounds, saveWindowBounds } from './window-state.ts';

const here = dirname(fileURLToPath(import.meta.url));
app.setName('360Brief');

const repeat = (run: () => void, ms: number) => {
  const timer = setInterval(run, ms);
  return () => clearInterval(timer);
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const dataDir = app.getPath('userData');
  // Development-only variables (renderer URL, Gmail and OAuth endpoints) are dropped when packaged.
  const env = shellEnvironment(process.env, app.isPackaged);
  const databasePath = env.BRIEF_DB ?? join(dataDir, 'brief.db');
  // Only the app's own file, in its own folder, is set aside when damaged (BRIEF_DB names another).
  const appOwnsPath = env.BRIEF_DB === undefined;
  // Each process writes its own log: main here, the engine worker its own (never copied here).
  const logFolders = [join(dataDir, 'logs', 'main'), join(dataDir, 'logs', 'engine')] as const;
  const logger = createFileLogger({ folder: logFolders[0] });
  const boundsPath = join(dataDir, 'window.json');
  // The local date of the last morning brief, so a relaunch the same day does not show it again.
  const morningPath = join(dataDir, 'morning-brief.json');
  const assetsDir = join(app.getAppPath(), 'build');
  const renderer = rendererSource(env, join(here, '../renderer/index.html'));
  const trustedOrigins = trustedOriginsOf(renderer);
  let shellConfig = {};
  try {
    shellConfig = readShellFileConfig(join(dataDir, 'shell.json'));
  } catch (error) {
    logger.error('shell.json ignored', { error });
  }
  const googleClient = resolveGoogleClient(env, shellConfig);
  const vault = new TokenVault({ path: join(dataDir, 'tokens.vault'), safeStorage });
  const tokens = createAppTokenProvider(vault, googleClient);
  let window: BrowserWindow | null = null;
  let tray: Tray | null = null;
  let quitting = false;
  let settings: AppSettings | null = null;
  const accountNames = new Map<number, string>();

  const engine = startWorkerHost({
    workerUrl: pathToFileURL(workerPath),
    startData: {
      databasePath,
      appOwnsPath,
      logFolder: logFolders[1],
      runJobs: true,
      gmailSync: syncOptionsFromEnv(env),
      // Reports and warming run there, so the engine's thread keeps answering the window.
      analyticsWorkerPath,
    },
    tokenProvider: tokens,
    onLog: (record) => logger[record.level](`engine supervisor: ${record.message}`, record.fields),
    onStateChange: (state, detail) => logger.info('engine supervisor', { state, detail }),
  });

  const showWindow = () => {
    if (!window) return createWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  /** Shows the window on the Brief (the morning notification, the tray's "Open the Brief"). */
  const showBrief = () => {
    // A window still to be made opens on the Brief itself (the page reads #brief): an event sent
    // before its page listens would be lost.
    if (!window) return createWindow('brief');
    showWindow();
    window.webContents.send(IPC_EVENT_CHANNEL, 'open-view', { view: 'brief' } satisfies Events['open-view']);
  };

  const renderTray = (view: TrayView) => {
    if (!tray) return;
    tray.setImage(join(assetsDir, 'tray', `${view.icon}.png`));
    tray.setToolTip(view.tooltip);
    const actions: Record<TrayAction, () => void> = {
      open: showWindow,
      'open-brief': showBrief,
      'sync-now': () => void scheduler.trigger('demand'),
      pause: () => setPaused(true),
      resume: () => setPaused(false),
      quit: () => app.quit(),
    };
    const template = view.menu.map(({ action, ...item }) => ({
      ...item,
      ...(action ? { click: actions[action] } : {}),
    }));
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };
  const trayPresenter = createTrayPresenter({ now: Date.now, render: renderTray });
  const notices = createNotificationDecider((id) => accountNames.get(id) ?? `account ${id}`);
  const notify = (notice: Notice | null) => {
    if (!notice || !Notification.isSupported()) return;
    const shown = new Notification({ title: notice.title, body: notice.body });
    shown.on('click', showWindow);
    shown.show();
  };

  const rememberAccounts = async () => {
    const accounts = await engine.call('accounts.list', {});
    for (const account of accounts) accountNames.set(account.id, account.address);
    return accounts;
  };

  const scheduler = createSyncScheduler({
    now: Date.now,
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    listAccounts: rememberAccounts,
    startSync: (accountId) => engine.call('sync.start', { accountId }),
    settings: {
      syncIntervalMinutes: 5,
      quietHours: { enabled: false, startMinute: 0, endMinute: 0 },
      timeZone: null,
    },
    online: net.isOnline(),
    onRun: (report) => logger.info('scheduled sync', { ...report }),
  });
  const readMorningDone = (): string | null => {
    try {
      const saved = JSON.parse(readFileSync(morningPath, 'utf8')) as { lastDone?: unknown };
      return typeof saved.lastDone === 'string' ? saved.lastDone : null;
    } catch {
      return null;
    }
  };
  const morningBrief = createMorningBrief({
    now: Date.now,
    repeat,
    settings: {
      morningBrief: { enabled: false, minute: 0, days: [] },
      quietHours: { enabled: false, startMinute: 0, endMinute: 0 },
      timeZone: null,
    },
    waiting: async () => (await engine.call('brief.get', { account: 'all' })).brief.waitingOnYou,
    show: (notice: MorningNotice) => {
      if (!Notification.isSupported()) return;
      const shown = new Notification({ title: notice.title, body: notice.body });
      shown.on('click', showBrief);
      shown.show();
    },
    lastDone: readMorningDone(),
    onDone: (date) => {
      try {
        writeFileSync(morningPath, JSON.stringify({ lastDone: date }), { mode: 0o600 });
      } catch (error) {
        logger.warn('could not remember the morning brief', { error });
      }
    },
  });

  const setPaused = (paused: boolean) => {
    if (paused) scheduler.pause();
    else scheduler.resume();
    trayPresenter.setPaused(paused);
    void (paused ? pauseSyncJobs(engine) : resumeSyncJobs(engine)).catch((error: unknown) =>
      logger.warn('pausing or resuming sync jobs failed', { error }),
    );
  };

  const applySettings = (next: AppSettings) => {
    settings = next;
    scheduler.updateSettings(next);
    morningBrief.updateSettings(next);
    // Registering the unpacked dev binary as a login item would start a bare Electron at login.
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: next.launchAtLogin, args: ['--hidden'] });
  };

  for (const name of EVENT_NAMES) {
    engine.on(name, (payload) => window?.webContents.send(IPC_EVENT_CHANNEL, name, payload));
  }
  engine.on('sync-state', (payload: Events['sync-state']) => {
    trayPresenter.apply({ name: 'sync-state', payload });
    notify(notices.decide({ name: 'sync-state', payload }));
  });
  engine.on('job-state', (payload: Events['job-state']) => {
    trayPresenter.apply({ name: 'job-state', payload });
    notify(notices.decide({ name: 'job-state', payload }));
  });
  engine.on('job-progress', (payload) => trayPresenter.apply({ name: 'job-progress', payload }));

  const shellCalls = createShellCalls({
    engine,
    vault,
    tokens,
    signIn: (signal) =>
      signInWithGoogle({
        client: requireGoogleClient(googleClient),
        openBrowser: (url) => shell.openExternal(url),
        signal,
      }),
    choosePath: async (fileName, filters) => {
      const options = {
        defaultPath: join(app.getPath('downloads'), fileName),
        ...(filters ? { filters } : {}),
      };
      const choice = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? null : choice.filePath;
    },
    chooseMail: async (folders) => {
      // Linux and Windows choose files or folders, not both at once: the page asks for one.
      const options: OpenDialogOptions = {
        title: folders ? 'Choose mail folders to import' : 'Choose mail files to import',
        properties: [folders ? 'openDirectory' : 'openFile', 'multiSelections'],
        ...(folders
          ? {}
          : {
              filters: [
                { name: 'Mail', extensions: ['mbox', 'mbx', 'eml', 'gz', 'zip'] },
                { name: 'All files', extensions: ['*'] },
              ],
            }),
      };
      const choice = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      return choice.canceled ? [] : choice.filePaths;
    },
    appInfo: () => ({
      version: app.getVersion(),
      platform: process.platform,
      arch: process.arch,
      engine: engine.state,
    }),
    logFolders,
    now: Date.now,
    trustedOrigins,
    after: (name, value) => {
      if (name === 'settings.update') applySettings(value as AppSettings);
    },
  });
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, args: unknown) =>
    shellCalls.handle(
      { frameUrl: event.senderFrame?.url ?? null, isMainFrame: event.senderFrame === event.sender.mainFrame },
      name,
      args,
    ),
  );

  const createWindow = (view?: Events['open-view']['view']) => {
    const bounds = loadWindowBounds(boundsPath);
    window = new BrowserWindow({
      ...bounds,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: '360Brief',
      icon: join(assetsDir, 'icon.png'),
      webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
    });
    if (bounds.maximized) window.maximize();
    const startHidden = process.argv.includes('--hidden') || app.getLoginItemSettings().wasOpenedAtLogin;
    window.once('ready-to-show', () => {
      if (!startHidden || !tray) window?.show();
    });
    window.on('close', (event) => {
      if (!window) return;
      saveWindowBounds(boundsPath, { ...window.getNormalBounds(), maximized: window.isMaximized() });
      const keepSyncingInTray = settings?.keepSyncingInTray ?? true;
      if (onWindowClose({ keepSyncingInTray, quitting, hasTray: tray !== null }) === 'hide') {
        event.preventDefault();
        window.hide();
      }
    });
    window.on('closed', () => {
      window = null;
    });
    window.webContents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    if (renderer.kind === 'url') void window.loadURL(view ? `${renderer.url}#${view}` : renderer.url);
    else void window.loadFile(renderer.path, view ? { hash: view } : {});
  };

  const stopBackground: Array<() => void> = [];
  const startBackground = async () => {
    await engine.ready();
    applySettings(await engine.call('settings.get', {}));
    trayPresenter.seed(await rememberAccounts());
    scheduler.start();
    void scheduler.trigger('interval');
    morningBrief.start();
    powerMonitor.on('resume', () => {
      void scheduler.trigger('resume');
      void morningBrief.check();
    });
    stopBackground.push(
      () => scheduler.stop(),
      () => morningBrief.stop(),
      watchNetwork({
        isOnline: () => net.isOnline(),
        repeat,
        onChange: (online) => scheduler.setOnline(online),
      }),
      repeat(() => trayPresenter.refresh(), 60_000),
    );
    const updater = await startUpdater({
      feedUrl: app.isPackaged ? resolveUpdateFeed(env, shellConfig) : null,
      loadUpdater: async () => (await import('electron-updater')).autoUpdater,
      repeat,
      onError: (error) => logger.warn('update check failed', { error }),
    });
    stopBackground.push(updater.stop);
  };

  app.on('second-instance', showWindow);

  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
    tray = new Tray(join(assetsDir, 'tray', 'idle.png'));
    tray.on('click', showWindow);
    renderTray(trayPresenter.view);
    createWindow();
    app.on('activate', showWindow);
    startBackground().catch((error: unknown) => logger.error('background sync did not start', { error }));
    if (env.BRIEF_E2E === '1') {
      // Lets the Playwright smoke test read what the tray shows (Tray has no getter for it).
      Object.assign(globalThis, { __brief360Shell: { trayView: () => trayPresenter.view } });
    }
  });

  app.on('window-all-closed', () => {
    if (
      quitWhenAllWindowsClosed({
        keepSyncingInTray: settings?.keepSyncingInTray ?? true,
        platform: process.platform,
      })
    )
      app.quit();
  });

  let shuttingDown = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (shuttingDown) return;
    shuttingDown = true;
    event.preventDefault();
    for (const stop of stopBackground) stop();
    shellCalls.stop();
    // Let running jobs checkpoint their cursors before the process ends.
    void engine
      .shutdown(5000)
      .finally(() => logger.close())
      .finally(() => app.exit(0));
  });
}
