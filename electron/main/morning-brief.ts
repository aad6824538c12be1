/**
 * The tray's morning brief (docs/shell.md "Morning brief"): once a day, at the minute the person
 * picked on the weekdays they picked (default 08:30, Monday to Friday, in the app's time zone), a
 * notification "3 threads wait on you (oldest 4 days)" that opens the Brief. None when nothing
 * waits. Quiet hours hold it back until they end, that day; a day whose rest is quiet has none. A
 * computer asleep at that minute, or an app started later, gets it at the next check that day.
 * It checks once a minute — timers drift across sleep and daylight saving, a wall-clock test
 * does not — and clock, timer, engine and notification are injected, so tests drive it by hand.
 */
import { waitingOnYouHeadline } from '../../shared/brief-text.ts';
import type { AppSettings } from '../../shared/contract.ts';
import { isQuietMinute } from './quiet-hours.ts';

export type MorningBriefSettings = Pick<AppSettings, 'morningBrief' | 'quietHours' | 'timeZone'>;

export interface MorningNotice {
  title: string;
  body: string;
  /** What a click opens. */
  view: 'brief';
}

export type MorningCheck = 'off' | 'not-due' | 'quiet' | 'done' | 'shown' | 'nothing-waits' | 'failed';

export interface MorningBriefDeps {
  now(): number;
  /** Runs `run` every `ms`; returns a function that stops it. */
  repeat(run: () => void, ms: number): () => void;
  settings: MorningBriefSettings;
  /** What waits on you across all accounts now (the engine's `brief.get` for all). */
  waiting(): Promise<{ count: number; oldestAgeMs: number | null }>;
  show(notice: MorningNotice): void;
  /** The local date (YYYY-MM-DD) of the last morning brief done, as the shell remembers it across launches. */
  lastDone?: string | null;
  onDone?(date: string): void;
}

export interface LocalMoment {
  date: string;
  /** ISO weekday, Monday = 1. */
  weekday: number;
  minute: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The local date, weekday and minute of the day at `epochMs` in `timeZone` (the system's when null). */
export function localMoment(epochMs: number, timeZone: string | null): LocalMoment {
  const parts = new Intl.DateTimeFormat('en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: WEEKDAYS[part('weekday')] ?? 0,
    minute: Number(part('hour')) * 60 + Number(part('minute')),
  };
}

export interface MorningBrief {
  start(): void;
  stop(): void;
  /** One check now (the minute tick, and on wake from sleep). */
  check(): Promise<MorningCheck>;
  updateSettings(settings: MorningBriefSettings): void;
}

export function createMorningBrief(deps: MorningBriefDeps): MorningBrief {
  let settings = deps.settings;
  let lastDone = deps.lastDone ?? null;
  let stopTimer: (() => void) | null = null;
  let checking = false;

  const due = (moment: LocalMoment): MorningCheck | null => {
    const { enabled, minute, days } = settings.morningBrief;
    if (!enabled) return 'off';
    if (lastDone === moment.date) return 'done';
    if (!days.includes(moment.weekday) || moment.minute < minute) return 'not-due';
    if (isQuietMinute(moment.minute, settings.quietHours)) return 'quiet';
    return null;
  };

  async function check(): Promise<MorningCheck> {
    const moment = localMoment(deps.now(), settings.timeZone);
    const skip = due(moment);
    if (skip) return skip;
    if (checking) return 'not-due';
    checking = true;
    try {
      const waiting = await deps.waiting();
      lastDone = moment.date;
      deps.onDone?.(moment.date);
      if (waiting.count === 0) return 'nothing-waits';
      deps.show({ title: 'Your brief', body: waitingOnYouHeadline(waiting), view: 'brief' });
      return 'shown';
    } catch {
      // The engine restarting, say: the next minute's check tries again.
      return 'failed';
    } finally {
      checking = false;
    }
  }

  return {
    start() {
      if (stopTimer) return;
      stopTimer = deps.repeat(() => void check(), 60_000);
      // Started after the picked minute (a late login, a restart): the day's brief comes now.
      void check();
    },
    stop() {
      stopTimer?.();
      stopTimer = null;
    },
    check,
    updateSettings(next) {
      settings = next;
    },
  };
}
