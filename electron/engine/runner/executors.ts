/** Which code runs each job type. */
import type { JobType } from '../../../shared/domain.ts';
import { parseCall } from '../../../shared/validate.ts';
import { cleanup } from '../db/cleanup.ts';
import type { EngineServices } from '../engine.ts';
import type { ReportRequest } from '../reports/report-service.ts';
import { fetchMessagesExecutor, type GmailSyncOptions, syncHistoryExecutor } from '../sources/gmail/index.ts';
import { withDemoMailbox } from '../sources/import/demo.ts';
import { importExecutor } from '../sources/import/import-executor.ts';
import type { JobExecutor } from './job-runner.ts';

export function createExecutors(
  services: EngineServices,
  gmail: Partial<GmailSyncOptions> = {},
): Partial<Record<JobType, JobExecutor>> {
  // Where Gmail is and how time runs: Google and real time unless the caller says otherwise (the emulator).
  const sync = gmail;
  return {
    fetch_messages: fetchMessagesExecutor(services, sync),
    sync_history: syncHistoryExecutor(services, sync),
    import_mail: withDemoMailbox(importExecutor(services)),
    warm_cache: async (context) => {
      if (context.job.accountId === null) return { warmed: 0 };
      return { warmed: services.warmAnalytics(context.job.accountId) };
    },
    compute_analytics: async (context) => {
      const { accountId, metadata } = context.job;
      if (accountId === null) return { warmed: 0 };
      // A job asked for one view (the HTTP API's cache miss) computes exactly that view.
      if (metadata.view !== undefined) {
        const request = parseCall('analytics.report', { ...(metadata.view as object), account: accountId });
        return { cacheKey: services.reports.report(request.args as ReportRequest).cacheKey };
      }
      return { warmed: services.warmAnalytics(accountId) };
    },
    cleanup: async () => {
      const retentionDays = services.appSettings.get().retentionDays;
      const removed = services.jobs.cleanup(30);
      return { ...cleanup(services.store, { retentionDays }), jobsRemoved: removed };
    },
  };
}
