/** Opens the whole dashboard (the real App) over a fake transport, for the component tests. */
import { render, screen } from '@testing-library/react';
import { App } from '../../renderer/src/App.tsx';
import type { Host } from '../../renderer/src/api/client.ts';
import { useSettings } from '../../renderer/src/state/settings-store.ts';
import { useView, type ViewName } from '../../renderer/src/state/view-store.ts';
import type { ReportEnvelope } from '../../shared/analytics-types.ts';
import { type FakeApi, type Handlers, installFakeApi } from './fake-api.ts';
import { ACCOUNT, SETTINGS } from './reports.ts';

/** The report views and the figures each draws, by their headings. */
export const FIGURES_BY_VIEW = {
  overview: [
    'Headline figures',
    'Volume',
    'Busiest times',
    'Response time in working hours',
    'My response time',
    'Their response time',
    'Awaiting reply',
  ],
  people: [
    'Top senders',
    'Top recipients',
    'Top domains',
    'Network',
    'Relationships',
    'Going quiet',
    'Their response time by contact',
  ],
  threads: ['Thread figures', 'Longest threads'],
  newsletters: ['Newsletters and bulk senders'],
  labels: ['Labels and categories', 'Size by sender'],
} as const satisfies Partial<Record<ViewName, readonly string[]>>;
export type ReportView = keyof typeof FIGURES_BY_VIEW;
export const REPORT_VIEWS = Object.keys(FIGURES_BY_VIEW) as ReportView[];

/**
 * Renders the app on one account whose settings were remembered from the last launch (so the
 * first report is asked for in their zone), on `view`, answering the report with `report`, in a
 * browser unless `host` says the desktop app.
 */
export function openDashboard(
  view: ViewName,
  report: NonNullable<Handlers['analytics.report']> | ReportEnvelope,
  more: Handlers = {},
  host?: Host,
): FakeApi {
  useSettings.setState({ settings: SETTINGS });
  useView.setState({ view, preset: '30', account: 'all' });
  const fake = installFakeApi(
    {
      'accounts.list': () => [ACCOUNT],
      'settings.get': () => SETTINGS,
      'jobs.list': () => ({ jobs: [], total: 0 }),
      'analytics.cacheStats': () => ({
        hits: 0,
        misses: 0,
        hitRate: null,
        entries: 0,
        meanComputeMs: null,
        p95ComputeMs: null,
      }),
      'messages.stats': () => ({ count: 0, bytes: 0, oldest: null, newest: null, perAccount: [] }),
      'accounts.suggestAliases': () => [],
      'analytics.report': typeof report === 'function' ? report : () => report,
      ...more,
    },
    host,
  );
  render(<App />);
  return fake;
}

/** The figure's card, found by its heading. */
export function figure(title: string): Promise<HTMLElement> {
  return screen.findByRole('region', { name: title });
}
