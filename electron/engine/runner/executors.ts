/** Which code runs each job type. */
import { cleanup } from '../db/cleanup.ts';
import type { EngineServices } from '../engine.ts';
import { fetchMessagesExecutor, type GmailSyncOptions, syncHistoryExecutor } from '../sources/gmail/index.ts';
import { withDemoMailbox } from '../sources/import/demo.ts';
import { importExecutor } from '../sources/import/import-executor.ts';
import type { JobExecutors } from './job-runner.ts';

export function createExecutors(
  services: EngineServices,
  gmail: Partial<GmailSyncOptions> = {},
): JobExecutors {
  // Where Gmail is and how time runs: Google and real time unless the caller says otherwise (the emulator).
  const sync = gmail;
  return {
    fetch_messages: fetchMessagesExecutor(services, sync),
    sync_history: syncHistoryExecutor(services, sync),
    import_mail: withDemoMailbox(importExecutor(services)),
    warm_cache: async (context) => {
      if (context.job.accountId === null) return { warmed: 0 };
      return { warmed: await services.warmAnalytics(context.job.accountId) };
    },
    compute_analytics: async ({ job: { accountId }, metadata: { view } }) => {
      if (accountId === null) return { warmed: 0 };
      // A job asked for one view (the HTTP API's cache miss) computes exactly that view.
      if (view !== undefined)
        return { cacheKey: (await services.reports.report({ ...view, account: accountId })).cacheKey };
      return { warmed: await services.warmAnalytics(accountId) };
    },
    cleanup: async () => {
      const retentionDays = services.appSettings.get().retentionDays;
      const removed = services.jobs.cleanup(30);
      return { ...cleanup(services.store, { retentionDays }), jobsRemoved: removed };
    },
  };
}
