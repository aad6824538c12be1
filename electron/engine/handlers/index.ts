/** Every contract method's handler, gathered per feature (each feature keeps its handlers beside it). */
import type { EngineServices } from '../engine.ts';
import type { ReportService } from '../reports/report-service.ts';
import { accountHandlers } from './accounts.ts';
import { analyticsHandlers } from './analytics.ts';
import { appHandlers } from './app.ts';
import { briefHandlers } from './brief.ts';
import { gmailHandlers } from './gmail.ts';
import { jobHandlers } from './jobs.ts';
import { mailSourceHandlers } from './mail-sources.ts';
import type { Handlers } from './types.ts';

export type { Handlers } from './types.ts';

export function createHandlers(services: EngineServices, reports: ReportService): Handlers {
  return {
    ...appHandlers(services),
    ...accountHandlers(services),
    ...jobHandlers(services),
    ...mailSourceHandlers(services),
    ...gmailHandlers(services),
    ...analyticsHandlers(services, reports),
    ...briefHandlers(services),
  };
}
