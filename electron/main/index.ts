/**
 * The Electron shell: lifecycle, single-instance lock, the window, the engine worker under
 * supervision, and the IPC router. No business logic lives here (ARCHITECTURE.md).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { EVENT_NAMES } from '../../shared/contract.ts';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/ipc-channels.ts';
import { createFileLogger, startWorkerHost } from '../engine/index.ts';
// biome-ignore lint/style/noRestrictedImports: a build-time path to the worker bundle, not a code import.
import workerPath from '../engine/worker.ts?modulePath';
import { createIpcRouter } from './ipc-router.ts';
import { CONTENT_SECURITY_POLICY, isSafeExternalUrl, secureWebPreferences } from './window-security.ts';
import { loadWindowBounds, saveWindowBounds } from './window-state.ts';

const here = dirname(fileURLToPath(import.meta.url));
app.setName('360Brief');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const dataDir = app.getPath('userData');
  const databasePath = process.env.BRIEF_DB ?? join(dataDir, 'brief.db');
  const logger = createFileLogger({ path: join(dataDir, 'logs', 'main.log') });
  const boundsPath = join(dataDir, 'window.json');
  const rendererUrl = process.env.ELECTRON_RENDERER_URL;
  const rendererFile = join(here, '../renderer/index.html');
  const trustedOrigins = rendererUrl ? [new URL(rendererUrl).origin] : [pathToFileURL(rendererFile).href];
  let window: BrowserWindow | null = null;

  const engine = startWorkerHost({
    workerUrl: pathToFileURL(workerPath),
    startData: { databasePath, logPath: join(dataDir, 'logs', 'engine.log'), runJobs: true },
    onLog: (record) => logger[record.level](`engine: ${record.message}`, record.fields),
    onStateChange: (state, detail) => logger.info('engine supervisor', { state, detail }),
  });
  for (const name of EVENT_NAMES) {
    engine.on(name, (payload) => window?.webContents.send(IPC_EVENT_CHANNEL, name, payload));
  }
  const route = createIpcRouter(engine, trustedOrigins);
  ipcMain.handle(IPC_CALL_CHANNEL, (event, name: unknown, args: unknown) =>
    route(
      { frameUrl: event.senderFrame?.url ?? null, isMainFrame: event.senderFrame === event.sender.mainFrame },
      name,
      args,
    ),
  );

  const createWindow = () => {
    const bounds = loadWindowBounds(boundsPath);
    window = new BrowserWindow({
      ...bounds,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: '360Brief',
      webPreferences: secureWebPreferences(join(here, '../preload/index.cjs')),
    });
    if (bounds.maximized) window.maximize();
    window.once('ready-to-show', () => window?.show());
    window.on('close', () => {
      if (!window) return;
      saveWindowBounds(boundsPath, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    });
    window.on('closed', () => {
      window = null;
    });
    window.webContents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    window.webContents.on('will-navigate', (event) => event.preventDefault());
    if (rendererUrl) void window.loadURL(rendererUrl);
    else void window.loadFile(rendererFile);
  };

  app.on('second-instance', () => {
    if (!window) return createWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let shuttingDown = false;
  app.on('before-quit', (event) => {
    if (shuttingDown) return;
    shuttingDown = true;
    event.preventDefault();
    // Let running jobs checkpoint their cursors before the process ends.
    void engine.shutdown(5000).finally(() => app.exit(0));
  });
}
