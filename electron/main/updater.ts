/**
 * Automatic updates through electron-updater, off until a feed is configured (`BRIEF_UPDATE_URL`,
 * or `updateFeedUrl` in shell.json): a build nobody publishes updates for never phones home. The
 * updater is passed in, so the decisions are tested without Electron.
 */
import type { ShellFileConfig } from './google-oauth-client.ts';

/** The part of electron-updater's `autoUpdater` used here. */
export interface UpdaterAdapter {
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdatesAndNotify(): Promise<unknown>;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
}

export const UPDATE_CHECK_INTERVAL_MS = 6 * 3600 * 1000;

/** The feed URL, or null when updates are off; only https feeds are accepted (http on loopback for testing). */
export function resolveUpdateFeed(env: NodeJS.ProcessEnv, file: ShellFileConfig): string | null {
  const raw = env.BRIEF_UPDATE_URL || file.updateFeedUrl;
  if (!raw) return null;
  try {
    const url = new URL(raw);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return url.toString();
  } catch {
    // An unparsable feed leaves updates off, as no feed does.
  }
  return null;
}

export interface UpdaterOptions {
  feedUrl: string | null;
  /** Loaded only when a feed is configured, so electron-updater is not even imported otherwise. */
  loadUpdater(): Promise<UpdaterAdapter>;
  /** Runs `run` every `ms`; returns a function that stops it. */
  repeat(run: () => void, ms: number): () => void;
  onError(error: unknown): void;
}

export interface UpdaterHandle {
  enabled: boolean;
  stop(): void;
}

export async function startUpdater(options: UpdaterOptions): Promise<UpdaterHandle> {
  if (!options.feedUrl) return { enabled: false, stop: () => {} };
  const updater = await options.loadUpdater();
  updater.setFeedURL({ provider: 'generic', url: options.feedUrl });
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  const check = () => void updater.checkForUpdatesAndNotify().catch(options.onError);
  check();
  return { enabled: true, stop: options.repeat(check, UPDATE_CHECK_INTERVAL_MS) };
}
