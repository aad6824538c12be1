/** Which code runs each job type. */
import type { JobType } from '../../../shared/domain.ts';
import { cleanup } from '../db/cleanup.ts';
import type { EngineServices } from '../engine.ts';
import { importExecutor } from '../sources/import/import-executor.ts';
import type { JobExecutor } from './job-runner.ts';

export function createExecutors(services: EngineServices): Partial<Record<JobType, JobExecutor>> {
  return {
    import_mail: importExecutor(services),
    warm_cache: async (context) => {
      if (context.job.accountId === null) return { warmed: 0 };
      return { warmed: services.warmAnalytics(context.job.accountId) };
    },
    compute_analytics: async (context) => {
      if (context.job.accountId === null) return { warmed: 0 };
      return { warmed: services.warmAnalytics(context.job.accountId) };
    },
    cleanup: async () => {
      const retentionDays = services.appSettings.get().retentionDays;
      const removed = services.jobs.cleanup(30);
      return { ...cleanup(services.store, { retentionDays }), jobsRemoved: removed };
    },
  };
}
