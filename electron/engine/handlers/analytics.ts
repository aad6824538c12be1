/** analytics.* and the mail-arrival methods (import, demo) — what fills and reads the dashboard. */
import type { EngineServices } from '../engine.ts';
import type { ReportService } from '../reports/report-service.ts';
import type { SomeHandlers } from './types.ts';

type AnalyticsMethods =
  | 'analytics.report'
  | 'analytics.cached'
  | 'analytics.drilldown'
  | 'analytics.cacheStats';

export function analyticsHandlers(
  services: EngineServices,
  reports: ReportService,
): SomeHandlers<AnalyticsMethods> {
  return {
    'analytics.report': (request) => reports.report(request),
    'analytics.cached': (request) => reports.cached(request),
    'analytics.drilldown': (request) => reports.drilldown(request),
    'analytics.cacheStats': () => services.analyticsCache.stats(),
  };
}
