import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

export const APP_NAME = '360Brief';
export const DATABASE_FILE = 'brief.db';

interface PathContext {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * The folder Electron's `app.getPath('userData')` gives for the app name `360Brief`, computed
 * without Electron so the CLI and the app share one database.
 */
export function appDataFolder(context: PathContext = {}): string {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const home = context.home ?? homedir();
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32')
    return win32.join(env.APPDATA ?? win32.join(home, 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_NAME);
}

/** Where a database is, and whether it is the app's own (`brief.db` in its data folder). */
export interface DatabaseLocation {
  path: string;
  /** Not named by a person (--db, BRIEF_DB): whatever is at the path is 360Brief's own. */
  appOwnsPath: boolean;
}

/** `$BRIEF_DB` when set, else the app's own `brief.db` in its data folder. */
export function defaultDatabaseLocation(context: PathContext = {}): DatabaseLocation {
  const env = context.env ?? process.env;
  if (env.BRIEF_DB) return { path: env.BRIEF_DB, appOwnsPath: false };
  const folder = appDataFolder(context);
  const platform = context.platform ?? process.platform;
  const path = platform === 'win32' ? win32.join(folder, DATABASE_FILE) : join(folder, DATABASE_FILE);
  return { path, appOwnsPath: true };
}
