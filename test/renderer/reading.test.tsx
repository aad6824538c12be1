/**
 * Figures that read well: tables sort by any column, every figure exports the CSV `brief report
 * --csv` prints and its JSON part, duration axes switch units and a zero never reads "0 ms", the
 * heatmap is one tab stop with a legend, and settings only the desktop app honours stay there.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installApi } from '../../renderer/src/api/client.ts';
import { durationAxis } from '../../renderer/src/lib/duration-axis.ts';
import { formatDuration } from '../../renderer/src/lib/format.ts';
import { reportToCsv } from '../../shared/report-csv.ts';
import { figure, openDashboard } from './dashboard.tsx';
import { installedFake } from './fake-api.ts';
import { busyReport, envelopeOf } from './reports.ts';

afterEach(() => vi.restoreAllMocks());

const column = (table: HTMLElement, index: number) =>
  [...table.querySelectorAll('tbody tr')].map((row) => row.querySelectorAll('td')[index]!.textContent);

describe('tables', () => {
  it('sort by any column, numbers largest first, again to reverse, saying which way', async () => {
    openDashboard('people', envelopeOf(busyReport()));
    const table = within(await figure('Relationships')).getByRole('table');
    const contacts = column(table, 0);
    fireEvent.click(within(table).getByRole('button', { name: 'Contact' }));
    expect(column(table, 0)).toEqual([...contacts].sort());
    expect(within(table).getAllByRole('columnheader')[0]!.getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(table).getByRole('button', { name: 'Balance' }));
    const balances = column(table, 4).map((text) => Number(text!.replace('−', '-').replace('+', '')));
    expect(balances).toEqual([...balances].sort((a, b) => b - a));
    fireEvent.click(within(table).getByRole('button', { name: 'Balance' }));
    expect(column(table, 4).map((text) => Number(text!.replace('−', '-').replace('+', '')))).toEqual(
      [...balances].reverse(),
    );
  });

  it('sort senders as their cells read: two of one name by their addresses', async () => {
    const report = busyReport();
    const forge = { name: 'Forge', count: 5, last: '2025-03-19T10:00:00.000Z', automatedShare: 1 };
    report.topSenders = [
      { ...forge, address: 'notifications@forge.example' },
      { ...forge, address: 'noreply@forge.example', count: 3 },
    ];
    openDashboard('people', envelopeOf(report));
    const table = within(await figure('Top senders')).getByRole('table');
    fireEvent.click(within(table).getByRole('button', { name: 'Sender' }));
    expect(column(table, 0).map((text) => text!.replace(/\s+/g, ' ').trim())).toEqual([
      'Forge noreply@forge.example',
      'Forge notifications@forge.example',
    ]);
  });
});

describe('export', () => {
  it('saves a figure as the CSV brief report --csv prints, or as its JSON part', async () => {
    const report = busyReport();
    openDashboard('people', envelopeOf(report));
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const card = await figure('Top senders');
    fireEvent.click(within(card).getByText('Export'));
    fireEvent.click(within(card).getByRole('button', { name: 'CSV' }));
    fireEvent.click(within(card).getByRole('button', { name: 'JSON' }));
    expect(names).toEqual([
      '360brief-topSenders-me@example.com-30.csv',
      '360brief-topSenders-me@example.com-30.json',
    ]);
    expect(await blobs[0]!.text()).toBe(reportToCsv(report, 'topSenders'));
    const json = JSON.parse(await blobs[1]!.text());
    expect(json).toMatchObject({ account: report.account, figure: 'topSenders', data: report.topSenders });
  });
});

describe('durations', () => {
  it('put an axis in minutes, hours or days as its values need, and never read a zero as 0 ms', () => {
    expect(durationAxis(90 * 60_000).unit).toBe('min');
    expect(durationAxis(20 * 3_600_000).unit).toBe('h');
    expect(durationAxis(1000 * 3_600_000).unit).toBe('d');
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(400)).toBe('< 1 s');
  });

  it('round before they split, so no part reads 60', () => {
    const minute = 60_000;
    const hour = 60 * minute;
    expect(formatDuration(59_600)).toBe('1 min');
    expect(formatDuration(59 * minute + 40_000)).toBe('1 h');
    expect(formatDuration(2 * hour + 59 * minute + 40_000)).toBe('3 h');
    expect(formatDuration(2 * hour + 5 * minute)).toBe('2 h 5 min');
    expect(formatDuration(9 * hour + 59 * minute + 40_000)).toBe('10 h');
    expect(formatDuration(23 * hour + 40 * minute)).toBe('1.0 d');
    expect(formatDuration(36 * hour)).toBe('1.5 d');
  });
});

describe('the heatmap', () => {
  it('is one tab stop, starting at the busiest hour, moved by the arrow keys; its legend names the shades', async () => {
    const report = busyReport();
    openDashboard('overview', envelopeOf(report));
    const card = await figure('Busiest times');
    const stops = () => [...card.querySelectorAll<HTMLButtonElement>('table.heatmap button[tabindex="0"]')];
    expect(stops()).toHaveLength(1);
    const start = stops()[0]!;
    const matrix = report.busiestTimes.received;
    const max = Math.max(...matrix.flat());
    const [day, hour] = start.dataset.cell!.split('-').map(Number);
    expect(matrix[day!]![hour!]).toBe(max);
    act(() => start.focus());
    fireEvent.keyDown(start, { key: 'ArrowLeft' });
    expect(document.activeElement?.getAttribute('data-cell')).toBe(`${day}-${Math.max(0, hour! - 1)}`);
    expect(stops()).toHaveLength(1);
    expect(within(card).getByRole('img', { name: /Shades from none to \d+ messages an hour/ })).toBeTruthy();
    expect(card.textContent).toContain('Hour of the day (UTC)');
  });
});

describe('settings only the desktop app honours', () => {
  it('are offered in the desktop app and not in a browser', async () => {
    openDashboard('settings', envelopeOf(busyReport()));
    await screen.findByRole('combobox', { name: 'Theme' });
    expect(screen.queryByText('Keep syncing in the tray when the window is closed')).toBeNull();
    expect(screen.queryByText('Start 360Brief when I log in')).toBeNull();
    expect(screen.getByText(/belong to the 360Brief desktop app/)).toBeTruthy();
  });

  it('shows the tray and login settings inside the desktop app', async () => {
    openDashboard('settings', envelopeOf(busyReport()));
    await screen.findByRole('combobox', { name: 'Theme' });
    installApi(installedFake()!, { desktop: true, upload: null });
    fireEvent.click(screen.getByRole('tab', { name: 'Overview' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Settings' }));
    expect(await screen.findByText('Keep syncing in the tray when the window is closed')).toBeTruthy();
    expect(screen.getByText('Start 360Brief when I log in')).toBeTruthy();
  });
});
