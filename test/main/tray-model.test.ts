import { describe, expect, it } from 'vitest';
import {
  applyTrayEvent,
  formatLastSync,
  initialTrayStatus,
  setTrayPaused,
  type TrayEvent,
  type TrayStatus,
  trayIconState,
  trayView,
} from '../../electron/main/tray-model.ts';
import { createTrayPresenter } from '../../electron/main/tray-presenter.ts';
import type { Events } from '../../shared/contract.ts';
import type { JobStatus, JobType } from '../../shared/domain.ts';

const NOW = Date.parse('2026-05-04T12:00:00Z');

const syncState = (accountId: number, state: Events['sync-state']['state']): TrayEvent => ({
  name: 'sync-state',
  payload: { accountId, state, detail: null },
});
const jobState = (jobId: number, type: JobType, status: JobStatus): TrayEvent => ({
  name: 'job-state',
  payload: { jobId, accountId: 1, type, status, error: null },
});
const progress = (jobId: number, percentage: number | null): TrayEvent => ({
  name: 'job-progress',
  payload: { jobId, accountId: 1, current: 1, total: 10, percentage, step: null, etaSeconds: null },
});
const fold = (events: TrayEvent[], start: TrayStatus = initialTrayStatus()) =>
  events.reduce((status, event) => applyTrayEvent(status, event, NOW), start);

describe('tray icon state', () => {
  it('is idle with no accounts and no work', () => {
    expect(trayIconState(initialTrayStatus())).toBe('idle');
  });

  it.each(['waiting-for-quota', 'offline', 'error', 'needs-reconnect', 'syncing'] as const)(
    'shows the account state %s',
    (state) => {
      expect(trayIconState(fold([syncState(1, 'idle'), syncState(2, state)]))).toBe(state);
    },
  );

  it('puts what needs the person before work in progress', () => {
    const status = fold([syncState(1, 'syncing'), syncState(2, 'needs-reconnect'), syncState(3, 'error')]);
    expect(trayIconState(status)).toBe('needs-reconnect');
    expect(trayIconState(fold([syncState(1, 'offline'), syncState(2, 'error')]))).toBe('error');
    expect(trayIconState(fold([syncState(1, 'waiting-for-quota'), syncState(2, 'syncing')]))).toBe('syncing');
  });

  it('shows a running sync with its percentage, averaged over running jobs', () => {
    const status = fold([
      jobState(7, 'fetch_messages', 'processing'),
      progress(7, 40),
      jobState(8, 'import_mail', 'processing'),
      progress(8, 60),
    ]);
    expect(trayIconState(status)).toBe('syncing');
    expect(trayView(status, NOW).menu.find((item) => item.label?.startsWith('Syncing'))?.label).toBe(
      'Syncing… 50%',
    );
  });

  it('ignores progress of jobs that bring no mail, and forgets finished ones', () => {
    const status = fold([
      jobState(3, 'compute_analytics', 'processing'),
      progress(3, 10),
      jobState(4, 'sync_history', 'processing'),
      jobState(4, 'sync_history', 'completed'),
    ]);
    expect(status.runningJobs.size).toBe(0);
    expect(trayIconState(status)).toBe('idle');
    expect(status.lastSyncAt).toBe(NOW);
  });

  it('seeds the last sync from the accounts and counts only completed syncs', () => {
    const start = initialTrayStatus([
      { id: 1, syncState: 'idle', lastSyncAt: '2026-05-04T11:00:00Z' },
      { id: 2, syncState: 'idle', lastSyncAt: null },
    ]);
    expect(start.lastSyncAt).toBe(Date.parse('2026-05-04T11:00:00Z'));
    const failed = fold(
      [jobState(5, 'sync_history', 'processing'), jobState(5, 'sync_history', 'failed')],
      start,
    );
    expect(failed.lastSyncAt).toBe(start.lastSyncAt);
    const imported = fold(
      [jobState(6, 'import_mail', 'processing'), jobState(6, 'import_mail', 'completed')],
      start,
    );
    expect(imported.lastSyncAt).toBe(start.lastSyncAt);
  });
});

describe('tray menu', () => {
  it('offers open, the Brief, sync now, pause, the status and last sync, and quit', () => {
    const view = trayView(initialTrayStatus(), NOW);
    expect(view.menu.map((item) => item.label ?? '—')).toEqual([
      'Open 360Brief',
      'Open the Brief',
      'Sync now',
      'Pause sync',
      '—',
      'Up to date',
      'Last sync: never',
      '—',
      'Quit 360Brief',
    ]);
    expect(view.menu.map((item) => item.action).filter(Boolean)).toEqual([
      'open',
      'open-brief',
      'sync-now',
      'pause',
      'quit',
    ]);
    expect(view.icon).toBe('idle');
    expect(view.tooltip).toBe('360Brief — Up to date\nLast sync: never');
  });

  it('switches to Resume sync while paused and says so', () => {
    const view = trayView(setTrayPaused(initialTrayStatus(), true), NOW);
    expect(view.menu[3]).toEqual({ label: 'Resume sync', action: 'resume' });
    expect(view.menu[5]!.label).toBe('Sync paused');
  });

  it('disables Sync now while offline', () => {
    const view = trayView(fold([syncState(1, 'offline')]), NOW);
    expect(view.menu[2]).toMatchObject({ action: 'sync-now', enabled: false });
    expect(view.icon).toBe('offline');
  });

  it('writes the last sync as a person would say it', () => {
    expect(formatLastSync(NOW - 20_000, NOW)).toBe('Last sync: just now');
    expect(formatLastSync(NOW - 60_000, NOW)).toBe('Last sync: 1 minute ago');
    expect(formatLastSync(NOW - 42 * 60_000, NOW)).toBe('Last sync: 42 minutes ago');
    expect(formatLastSync(NOW - 3 * 3600_000, NOW)).toBe('Last sync: 3 hours ago');
    expect(formatLastSync(Date.parse('2026-04-01T08:00:00Z'), NOW)).toBe('Last sync: 2026-04-01');
  });
});

describe('tray presenter', () => {
  it('renders only when something visible changed, and refreshes the time text', () => {
    let now = NOW;
    const rendered: string[] = [];
    const presenter = createTrayPresenter({ now: () => now, render: (view) => rendered.push(view.tooltip) });
    presenter.seed([{ id: 1, syncState: 'idle', lastSyncAt: new Date(NOW - 120_000).toISOString() }]);
    presenter.apply(syncState(1, 'idle'));
    presenter.refresh();
    expect(rendered).toEqual(['360Brief — Up to date\nLast sync: 2 minutes ago']);
    now += 60_000;
    presenter.refresh();
    expect(rendered.at(-1)).toBe('360Brief — Up to date\nLast sync: 3 minutes ago');
    presenter.apply(jobState(9, 'sync_history', 'processing'));
    presenter.apply(progress(9, 25));
    presenter.apply(progress(9, 25));
    expect(rendered.filter((text) => text.includes('25%'))).toHaveLength(1);
    expect(presenter.view.icon).toBe('syncing');
  });
});
