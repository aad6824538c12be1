/** jobs.* — the durable queue as the dashboard and the CLI see it. */
import type { EngineServices } from '../engine.ts';
import type { SomeHandlers } from './types.ts';

type JobMethods =
  | 'jobs.list'
  | 'jobs.get'
  | 'jobs.retry'
  | 'jobs.cancel'
  | 'jobs.pause'
  | 'jobs.resume'
  | 'jobs.create'
  | 'jobs.reportProgress';

export function jobHandlers(services: EngineServices): SomeHandlers<JobMethods> {
  const { jobs } = services;
  return {
    'jobs.list': (filter) => jobs.listJobs(filter),
    'jobs.get': ({ jobId }) => jobs.getJob(jobId),
    'jobs.retry': ({ jobId }) => {
      const job = jobs.retryJob(jobId);
      services.pokeRunner();
      return job;
    },
    'jobs.cancel': ({ jobId }) => jobs.cancelJob(jobId),
    'jobs.pause': ({ jobId }) => jobs.pauseJob(jobId),
    'jobs.resume': ({ jobId }) => {
      const job = jobs.resumeJob(jobId);
      services.pokeRunner();
      return job;
    },
    'jobs.create': (request) => {
      const job = jobs.createJob(
        request.type === 'compute_analytics'
          ? {
              type: request.type,
              accountId: request.accountId,
              metadata: request.view ? { view: request.view } : {},
            }
          : request,
      );
      services.pokeRunner();
      return job;
    },
    'jobs.reportProgress': ({ jobId, progress }) => jobs.updateProgress(jobId, progress),
  };
}
