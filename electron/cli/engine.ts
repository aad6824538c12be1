/**
 * The CLI's engine: in-process, on the app's database by default, logging to the data folder,
 * with a token provider over the CLI's file vault (created on first use, so commands that never
 * touch Gmail need no OAuth client configured).
 */
import { dirname, resolve } from 'node:path';
import { BriefError } from '../../shared/errors.ts';
import {
  type AccessToken,
  createFileLogger,
  type DatabaseLocation,
  defaultDatabaseLocation,
  Engine,
  FileVault,
  findAnalyticsWorker,
  RefreshingTokenProvider,
  syncOptionsFromEnv,
  type TokenProvider,
} from '../engine/index.ts';
import type { ParsedCommand } from './args.ts';
import { gmailRootUrlFor, resolveGoogleConfig, vaultPath } from './google-config.ts';

/** --db when given (a file the person named), else $BRIEF_DB, else the app's own database. */
export function cliDatabaseLocation(databaseOption: string | undefined): DatabaseLocation {
  if (databaseOption === undefined) return defaultDatabaseLocation();
  if (databaseOption.trim() === '')
    throw new BriefError(
      'VALIDATION',
      "--db needs the path of a database file, such as brief.db (leave it out for the app's own).",
    );
  return { path: databaseOption, appOwnsPath: false };
}

export function cliDatabasePath(databaseOption: string | undefined): string {
  return cliDatabaseLocation(databaseOption).path;
}

/** Commands that only read (a digest also moves its "last brief"): they answer from an existing database and never create one. */
export function readsOnly(parsed: ParsedCommand): boolean {
  const [sub] = parsed.positionals;
  if (parsed.command === 'report' || parsed.command === 'digest') return true;
  if (parsed.command === 'accounts') return sub === undefined || sub === 'list' || sub === 'aliases';
  if (parsed.command === 'jobs') return sub === undefined || sub === 'list';
  return false;
}

/** The CLI's log folder, beside the database: where the details of an unexplained failure go. */
export function cliLogFolder(databaseOption: string | undefined): string {
  return resolve(dirname(cliDatabasePath(databaseOption)), 'logs', 'cli');
}

function lazyTokenProvider(databasePath: string): TokenProvider {
  let provider: RefreshingTokenProvider | null = null;
  return {
    getAccessToken(account, options): Promise<AccessToken> {
      provider ??= new RefreshingTokenProvider(
        new FileVault(vaultPath(databasePath)),
        resolveGoogleConfig(databasePath).oauth,
      );
      return provider.getAccessToken(account, options);
    },
  };
}

export function openCliEngine(
  databaseOption: string | undefined,
  endpoint?: string,
  options: { mustExist?: boolean; analyticsWorker?: boolean } = {},
): Engine {
  const { path: databasePath, appOwnsPath } = cliDatabaseLocation(databaseOption);
  const logger = createFileLogger({ folder: cliLogFolder(databaseOption) });
  const rootUrl = gmailRootUrlFor(databasePath, endpoint);
  return Engine.open({
    databasePath,
    appOwnsPath,
    logger,
    mode: 'in-process',
    mustExist: options.mustExist ?? false,
    // A long-running command (`brief serve`) computes reports off the thread that answers the page.
    ...(options.analyticsWorker ? analyticsWorkerOption() : {}),
    tokenProvider: lazyTokenProvider(databasePath),
    // The CLI is an edge: it may be pointed at the emulator by the environment; --endpoint wins.
    gmailSync: { ...syncOptionsFromEnv(process.env), ...(rootUrl ? { rootUrl } : {}) },
  });
}

function analyticsWorkerOption(): { analyticsWorker?: URL } {
  const entry = findAnalyticsWorker();
  return entry ? { analyticsWorker: entry } : {};
}
