/**
 * The CLI's engine: in-process, on the app's database by default, logging to the data folder,
 * with a token provider over the CLI's file vault (created on first use, so commands that never
 * touch Gmail need no OAuth client configured).
 */
import { dirname, join } from 'node:path';
import {
  type AccessToken,
  createFileLogger,
  defaultDatabasePath,
  Engine,
  FileVault,
  RefreshingTokenProvider,
  syncOptionsFromEnv,
  type TokenProvider,
} from '../engine/index.ts';
import { gmailRootUrlFor, resolveGoogleConfig, vaultPath } from './google-config.ts';

export function cliDatabasePath(databaseOption: string | undefined): string {
  return databaseOption ?? defaultDatabasePath();
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

export function openCliEngine(databaseOption: string | undefined, endpoint?: string): Engine {
  const databasePath = cliDatabasePath(databaseOption);
  const logger = createFileLogger({ path: join(dirname(databasePath), 'logs', 'cli.log') });
  const rootUrl = gmailRootUrlFor(databasePath, endpoint);
  return Engine.open({
    databasePath,
    logger,
    mode: 'in-process',
    tokenProvider: lazyTokenProvider(databasePath),
    // The CLI is an edge: it may be pointed at the emulator by the environment; --endpoint wins.
    gmailSync: { ...syncOptionsFromEnv(process.env), ...(rootUrl ? { rootUrl } : {}) },
  });
}
