import { describe, expect, it } from 'vitest';
import { isQuietMinute, minuteOfDayIn } from '../../electron/main/quiet-hours.ts';
import {
  createSyncScheduler,
  type SchedulerSettings,
  type SyncRunReport,
} from '../../electron/main/scheduler.ts';
import type { Account } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import { createManualTimers } from './fake-timers.ts';

type Row = Pick<Account, 'id' | 'provider' | 'syncState'>;
const MORNING = Date.parse('2026-05-04T10:00:00Z');
const SETTINGS: SchedulerSettings = {
  syncIntervalMinutes: 5,
  quietHours: { enabled: false, startMinute: 22 * 60, endMinute: 7 * 60 },
  timeZone: 'UTC',
};

function setup(options: { accounts?: Row[]; settings?: Partial<SchedulerSettings>; start?: number } = {}) {
  const timers = createManualTimers(options.start ?? MORNING);
  const accounts: Row[] = options.accounts ?? [
    { id: 1, provider: 'gmail', syncState: 'idle' },
    { id: 2, provider: 'import', syncState: 'idle' },
    { id: 3, provider: 'gmail', syncState: 'idle' },
  ];
  const started: Array<{ accountId: number; at: number }> = [];
  const queued = new Set<number>();
  const reports: SyncRunReport[] = [];
  const scheduler = createSyncScheduler({
    now: timers.now,
    setTimer: timers.setTimer,
    listAccounts: async () => accounts,
    // Like the queue: a second sync for an account with one pending answers CONFLICT.
    startSync: async (accountId) => {
      if (queued.has(accountId)) throw new BriefError('CONFLICT', 'A sync is already queued.');
      queued.add(accountId);
      started.push({ accountId, at: timers.now() });
    },
    settings: { ...SETTINGS, ...options.settings },
    onRun: (report) => reports.push(report),
  });
  const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
  return { timers, scheduler, started, queued, reports, flush, accounts };
}

describe('sync scheduler', () => {
  it('syncs every connected Gmail account every interval, and nothing else', async () => {
    const { timers, scheduler, started, queued, flush } = setup({ settings: { syncIntervalMinutes: 5 } });
    scheduler.start();
    timers.advance(4 * 60_000);
    await flush();
    expect(started).toEqual([]);
    timers.advance(60_000);
    await flush();
    expect(started.map((s) => s.accountId)).toEqual([1, 3]);
    queued.clear();
    timers.advance(5 * 60_000);
    await flush();
    expect(started.map((s) => s.accountId)).toEqual([1, 3, 1, 3]);
    expect(started[2]!.at - started[0]!.at).toBe(5 * 60_000);
  });

  it('treats CONFLICT as a sync already running: no second sync is queued', async () => {
    const { scheduler, started } = setup();
    await scheduler.trigger('demand');
    const second = await scheduler.trigger('demand');
    expect(started).toHaveLength(2);
    expect(second.accounts).toEqual([
      { accountId: 1, outcome: 'already-running' },
      { accountId: 3, outcome: 'already-running' },
    ]);
  });

  it('does not overlap runs: a trigger while one is listing accounts is skipped as busy', async () => {
    const { scheduler, started } = setup();
    const [first, second] = await Promise.all([scheduler.trigger('resume'), scheduler.trigger('online')]);
    expect(first.skipped).toBeNull();
    expect(second.skipped).toBe('busy');
    expect(started).toHaveLength(2);
  });

  it('syncs on wake from sleep and pushes the next periodic sync a full interval away', async () => {
    const { timers, scheduler, started, queued, flush } = setup();
    scheduler.start();
    timers.advance(3 * 60_000);
    const report = await scheduler.trigger('resume');
    expect(report).toMatchObject({ trigger: 'resume', skipped: null });
    expect(started).toHaveLength(2);
    queued.clear();
    timers.advance(4 * 60_000);
    await flush();
    expect(started).toHaveLength(2);
    timers.advance(60_000);
    await flush();
    expect(started).toHaveLength(4);
  });

  it('does nothing while offline, even on demand, and syncs when the network comes back', async () => {
    const { timers, scheduler, started, reports, flush } = setup();
    scheduler.start();
    scheduler.setOnline(false);
    timers.advance(5 * 60_000);
    await flush();
    expect(await scheduler.trigger('demand')).toMatchObject({ skipped: 'offline', accounts: [] });
    expect(started).toEqual([]);
    scheduler.setOnline(true);
    await flush();
    expect(started.map((s) => s.accountId)).toEqual([1, 3]);
    expect(reports.at(-1)).toMatchObject({ trigger: 'online', skipped: null });
    scheduler.setOnline(true);
    await flush();
    expect(reports.filter((r) => r.trigger === 'online')).toHaveLength(1);
  });

  it('waits out quiet hours for automatic syncs but not for Sync now', async () => {
    const night = Date.parse('2026-05-04T23:30:00Z');
    const quietHours = { enabled: true, startMinute: 22 * 60, endMinute: 7 * 60 };
    const { timers, scheduler, started, queued, flush } = setup({ start: night, settings: { quietHours } });
    scheduler.start();
    timers.advance(5 * 60_000);
    await flush();
    expect(started).toEqual([]);
    expect(await scheduler.trigger('resume')).toMatchObject({ skipped: 'quiet-hours' });
    await scheduler.trigger('demand');
    expect(started).toHaveLength(2);
    queued.clear();
    // 07:00 is past the window's end: the periodic sync runs again.
    timers.advance(Date.parse('2026-05-05T07:00:00Z') - timers.now());
    await flush();
    timers.advance(5 * 60_000);
    await flush();
    expect(started.length).toBeGreaterThan(2);
    expect(started.at(-1)!.at).toBeGreaterThanOrEqual(Date.parse('2026-05-05T07:00:00Z'));
  });

  it('skips automatic syncs while paused; Sync now still runs', async () => {
    const { scheduler, started } = setup();
    scheduler.pause();
    expect(await scheduler.trigger('interval')).toMatchObject({ skipped: 'paused' });
    expect(started).toEqual([]);
    await scheduler.trigger('demand');
    expect(started).toHaveLength(2);
    scheduler.resume();
    expect(scheduler.paused).toBe(false);
  });

  it('leaves accounts that need reconnecting alone unless asked', async () => {
    const { scheduler, started } = setup({
      accounts: [
        { id: 1, provider: 'gmail', syncState: 'needs-reconnect' },
        { id: 2, provider: 'gmail', syncState: 'error' },
      ],
    });
    await scheduler.trigger('interval');
    expect(started.map((s) => s.accountId)).toEqual([2]);
  });

  it('reports a failed start per account and keeps going with the others', async () => {
    const timers = createManualTimers(MORNING);
    const scheduler = createSyncScheduler({
      now: timers.now,
      setTimer: timers.setTimer,
      listAccounts: async () => [
        { id: 1, provider: 'gmail', syncState: 'idle' },
        { id: 2, provider: 'gmail', syncState: 'idle' },
      ],
      startSync: async (id) => {
        if (id === 1) throw new BriefError('STORAGE_FULL', 'The disk is full.');
      },
      settings: SETTINGS,
    });
    const report = await scheduler.trigger('interval');
    expect(report.accounts).toEqual([
      { accountId: 1, outcome: 'failed', code: 'STORAGE_FULL', message: 'The disk is full.' },
      { accountId: 2, outcome: 'started' },
    ]);
  });

  it('re-arms the periodic timer when the interval setting changes', async () => {
    const { timers, scheduler, started, flush } = setup();
    scheduler.start();
    timers.advance(60_000);
    scheduler.updateSettings({ ...SETTINGS, syncIntervalMinutes: 1 });
    timers.advance(60_000);
    await flush();
    expect(started).toHaveLength(2);
    scheduler.stop();
    expect(timers.pending()).toBe(0);
  });
});

describe('quiet hours', () => {
  it('covers a same-day window, start inclusive and end exclusive', () => {
    const lunch = { enabled: true, startMinute: 12 * 60, endMinute: 13 * 60 };
    expect(isQuietMinute(12 * 60, lunch)).toBe(true);
    expect(isQuietMinute(12 * 60 + 59, lunch)).toBe(true);
    expect(isQuietMinute(13 * 60, lunch)).toBe(false);
    expect(isQuietMinute(11 * 60 + 59, lunch)).toBe(false);
  });

  it('wraps around midnight', () => {
    const night = { enabled: true, startMinute: 22 * 60, endMinute: 7 * 60 };
    expect(isQuietMinute(23 * 60, night)).toBe(true);
    expect(isQuietMinute(0, night)).toBe(true);
    expect(isQuietMinute(6 * 60 + 59, night)).toBe(true);
    expect(isQuietMinute(7 * 60, night)).toBe(false);
    expect(isQuietMinute(21 * 60 + 59, night)).toBe(false);
  });

  it('is off when disabled or empty', () => {
    expect(isQuietMinute(23 * 60, { enabled: false, startMinute: 22 * 60, endMinute: 7 * 60 })).toBe(false);
    expect(isQuietMinute(600, { enabled: true, startMinute: 600, endMinute: 600 })).toBe(false);
  });

  it('reads the minute of day in the chosen time zone', () => {
    const instant = Date.parse('2026-01-15T23:30:00Z');
    expect(minuteOfDayIn(instant, 'UTC')).toBe(23 * 60 + 30);
    expect(minuteOfDayIn(instant, 'Asia/Tokyo')).toBe(8 * 60 + 30);
    expect(minuteOfDayIn(instant, 'America/New_York')).toBe(18 * 60 + 30);
  });
});
