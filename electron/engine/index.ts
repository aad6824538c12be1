/**
 * The engine's public entry: what main, preload and the CLI may import (docs/architecture.md, the
 * import boundaries in biome.json).
 */

export { writeDigestFile } from './analytics/brief/digest-file.ts';
export { CSV_FIGURES, type CsvFigure, reportToCsv } from './analytics/index.ts';
export {
  FileVault,
  GMAIL_METADATA_SCOPE,
  type OAuthClientConfig,
  oauthConfig,
  RefreshingTokenProvider,
  type RefreshTokenVault,
  runLoopbackAuthorization,
} from './auth/index.ts';
export type { AccessToken, TokenProvider } from './auth/token-provider.ts';
export { makeFolder } from './db/make-folder.ts';
export { type DatabaseLocation, defaultDatabaseLocation } from './db/paths.ts';
export { Engine, type EngineOptions } from './engine.ts';
export { createFileLogger, createMemoryLogger, type Logger, type LogRecord, redact } from './log.ts';
export { systemTimeZone } from './reports/report-service.ts';
export { findAnalyticsWorker } from './reports/view-worker.ts';
export { GOOGLE_GMAIL_ROOT_URL, syncOptionsFromEnv } from './sources/gmail/index.ts';
export { makeTempFolder, removeStaleTempFolders } from './sources/import/temp-folders.ts';
export { type SupervisorState, startWorkerHost, type WorkerHost } from './worker-host.ts';
