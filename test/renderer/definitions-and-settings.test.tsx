/**
 * One definition text and one settings source, seen on the dashboard: every "How is this
 * computed?" shows the report's own (the engine's) text and opens docs/metrics.md at the figure's
 * section; the time zone and the theme are the app settings', wherever they are changed.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { METRICS_ID_PREFIX, MetricsDocPanel } from '../../renderer/src/components/MetricsDocPanel.tsx';
import { useMetricsDoc } from '../../renderer/src/state/metrics-doc-store.ts';
import { DEFINITION_KEYS } from '../../shared/report-types.ts';
import { figure, openDashboard, REPORT_VIEWS } from './dashboard.tsx';
import { installFakeApi } from './fake-api.ts';
import { busyReport, envelopeOf, SETTINGS } from './reports.ts';

describe('"How is this computed?"', () => {
  it.each(REPORT_VIEWS)(
    'on the %s view shows the report’s definitions and opens their sections of docs/metrics.md',
    async (view) => {
      const report = busyReport();
      openDashboard(view, envelopeOf(report));
      await screen.findByRole('region', { name: 'Coverage' });
      const texts = new Map(Object.entries(report.definitions).map(([key, text]) => [text, key]));
      const disclosures = screen
        .getAllByText('How is this computed?')
        .map((summary) => summary.parentElement!);
      expect(disclosures.length).toBeGreaterThan(1);
      for (const [index, disclosure] of disclosures.entries()) {
        const text = disclosure.querySelector('p')!.textContent!;
        const key = texts.get(text);
        expect(key, text).toBeDefined();
        const more = within(disclosure).getByRole('button', {
          name: 'The full definition, with a worked example',
        });
        fireEvent.click(more);
        expect(useMetricsDoc.getState().section).toBe(key);
        // The page itself (500 lines of Markdown) is checked once per view; every key's section below.
        if (index === 0) {
          const page = await screen.findByRole('dialog', { name: 'How every figure is computed' });
          expect(page.querySelector(`#${METRICS_ID_PREFIX}${key}`), key).not.toBeNull();
          fireEvent.click(within(page).getByRole('button', { name: 'Close' }));
          expect(screen.queryByRole('dialog')).toBeNull();
        } else {
          act(() => useMetricsDoc.getState().close());
        }
      }
    },
  );

  it('finds a section of the bundled docs/metrics.md for every definition', () => {
    installFakeApi();
    render(<MetricsDocPanel />);
    act(() => useMetricsDoc.getState().open('coverage'));
    const page = screen.getByRole('dialog');
    for (const key of DEFINITION_KEYS) {
      const anchor = page.querySelector(`#${METRICS_ID_PREFIX}${key}`);
      expect(anchor, key).not.toBeNull();
      // The section's heading follows its anchor.
      expect(anchor!.nextElementSibling?.tagName, key).toMatch(/^H[2-4]$/);
    }
    // Escape closes it, as it does the drill-down drawer.
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('one settings source', () => {
  it('a zone chosen in the toolbar is the app setting, and the report is asked for in it', async () => {
    const fake = openDashboard('overview', envelopeOf(busyReport()), {
      'settings.update': (patch) => ({ ...SETTINGS, ...patch }),
    });
    await figure('Volume');
    const toolbarZone = screen.getByRole('combobox', { name: 'Time zone' });
    fireEvent.change(toolbarZone, { target: { value: 'Asia/Tokyo' } });
    await expect.poll(() => fake.argsOf('analytics.report').at(-1)?.timeZone).toBe('Asia/Tokyo');
    expect(fake.argsOf('settings.update')).toEqual([{ timeZone: 'Asia/Tokyo' }]);

    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    const settingsZone = await screen.findByRole('combobox', { name: 'Time zone for days and hours' });
    expect((settingsZone as HTMLSelectElement).value).toBe('Asia/Tokyo');
  });

  it('the theme setting is on the page from the first paint, and changes with the setting', async () => {
    const fake = openDashboard('settings', envelopeOf(busyReport()), {
      'settings.get': () => ({ ...SETTINGS, theme: 'dark' }),
      'settings.update': (patch) => ({ ...SETTINGS, theme: 'dark', ...patch }),
    });
    // Remembered from the last launch (system), then the engine's copy (dark) wins.
    await expect.poll(() => document.documentElement.dataset.theme).toBe('dark');
    fireEvent.change(await screen.findByRole('combobox', { name: 'Theme' }), { target: { value: 'light' } });
    expect(document.documentElement.dataset.theme).toBe('light');
    await expect.poll(() => fake.argsOf('settings.update')).toEqual([{ theme: 'light' }]);
  });
});
