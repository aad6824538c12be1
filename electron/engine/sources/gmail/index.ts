/**
 * The Gmail source: the `fetch_messages` (first sync) and `sync_history` (incremental sync) job
 * executors, and the pieces the benchmark and the CLI reuse.
 */
import type { EngineServices } from '../../engine.ts';
import type { JobContext, JobExecutor } from '../../runner/job-runner.ts';
import { runFullSync } from './full-sync.ts';
import { runHistorySync } from './history-sync.ts';
import { DEFAULT_SYNC_OPTIONS, type GmailSyncOptions } from './sync-options.ts';
import { SyncRun } from './sync-run.ts';

export { METADATA_HEADERS } from './batch-getter.ts';
export { planFetches, planUnits } from './fetch-plan.ts';
export { optimalThreadUnits, QUOTA_COSTS, type QuotaCosts } from './quota-profile.ts';
export {
  DEFAULT_SYNC_OPTIONS,
  type GmailSyncOptions,
  GOOGLE_GMAIL_ROOT_URL,
  syncOptionsFromEnv,
} from './sync-options.ts';
export { PROVIDER_GMAIL } from './sync-run.ts';

function resolveOptions(services: EngineServices, overrides: Partial<GmailSyncOptions>): GmailSyncOptions {
  return { ...DEFAULT_SYNC_OPTIONS, now: services.clock, ...overrides };
}

/** Runs one sync attempt, keeping the account's sync state truthful whatever happens. */
async function attempt<T>(
  services: EngineServices,
  context: JobContext,
  overrides: Partial<GmailSyncOptions>,
  body: (run: SyncRun) => Promise<T>,
): Promise<T> {
  const run = new SyncRun(services, context, resolveOptions(services, overrides));
  try {
    return await body(run);
  } catch (error) {
    // Whatever was stored stays useful: derive and publish it before the attempt ends.
    run.publisher.flush();
    run.status.failed(error);
    throw error;
  }
}

/** `fetch_messages`: the first (full) sync of an account, resumable from its cursor. */
export function fetchMessagesExecutor(
  services: EngineServices,
  overrides: Partial<GmailSyncOptions> = {},
): JobExecutor {
  return (context) =>
    attempt(services, context, overrides, async (run) => {
      const { historyId } = await runFullSync(run, 'first');
      await run.finish(historyId);
      return { historyId, stored: run.stored, total: run.total, ...run.report.result() };
    });
}

/** `sync_history`: the incremental sync from the stored history id (a full resync on 404). */
export function syncHistoryExecutor(
  services: EngineServices,
  overrides: Partial<GmailSyncOptions> = {},
): JobExecutor {
  return (context) =>
    attempt(services, context, overrides, async (run) => {
      const { historyId, changes } = await runHistorySync(run);
      await run.finish(historyId);
      return { historyId, changes, stored: run.stored, ...run.report.result() };
    });
}
