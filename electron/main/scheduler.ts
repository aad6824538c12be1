/**
 * The background-sync scheduler (docs/shell.md "Background sync"): an incremental sync of every
 * connected Gmail account every N minutes, on wake from sleep, when the network comes back and on
 * demand; nothing while offline or paused, automatic runs wait out quiet hours, and never a second
 * sync while one is queued or running. Clock, timers and the engine are injected, so tests drive it
 * by hand.
 */
import type { AppSettings } from '../../shared/contract.ts';
import type { Account } from '../../shared/domain.ts';
import { type ErrorCode, toSerializedError } from '../../shared/errors.ts';
import { isQuietMinute, minuteOfDayIn } from './quiet-hours.ts';

export type SyncTrigger = 'interval' | 'resume' | 'online' | 'demand';
export type SchedulerSettings = Pick<AppSettings, 'syncIntervalMinutes' | 'quietHours' | 'timeZone'>;

export interface SchedulerDeps {
  now(): number;
  /** Runs `run` after `ms`; returns a function that cancels it. */
  setTimer(run: () => void, ms: number): () => void;
  listAccounts(): Promise<ReadonlyArray<Pick<Account, 'id' | 'provider' | 'syncState'>>>;
  /** Queues an incremental sync; rejects with CONFLICT when one is already queued or running. */
  startSync(accountId: number): Promise<unknown>;
  settings: SchedulerSettings;
  online?: boolean;
  onRun?(report: SyncRunReport): void;
}

export type AccountOutcome =
  | { accountId: number; outcome: 'started' | 'already-running' }
  | { accountId: number; outcome: 'failed'; code: ErrorCode; message: string };

export interface SyncRunReport {
  trigger: SyncTrigger;
  at: number;
  skipped: 'offline' | 'paused' | 'quiet-hours' | 'busy' | null;
  accounts: AccountOutcome[];
  /** Set when the account list itself could not be read (the engine restarting, say). */
  error: { code: ErrorCode; message: string } | null;
}

export interface SyncScheduler {
  start(): void;
  stop(): void;
  trigger(reason: SyncTrigger): Promise<SyncRunReport>;
  setOnline(online: boolean): void;
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  readonly online: boolean;
  updateSettings(settings: SchedulerSettings): void;
}

export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  let settings = deps.settings;
  let online = deps.online ?? true;
  let paused = false;
  let running = false;
  let cancelTimer: (() => void) | null = null;
  let started = false;

  const arm = () => {
    cancelTimer?.();
    cancelTimer = null;
    if (!started) return;
    cancelTimer = deps.setTimer(() => {
      cancelTimer = null;
      void trigger('interval');
    }, settings.syncIntervalMinutes * 60_000);
  };

  const skip = (reason: SyncTrigger, skipped: SyncRunReport['skipped']): SyncRunReport => ({
    trigger: reason,
    at: deps.now(),
    skipped,
    accounts: [],
    error: null,
  });

  const whyNot = (reason: SyncTrigger): SyncRunReport['skipped'] => {
    if (!online) return 'offline';
    if (running) return 'busy';
    // Asking explicitly ("Sync now") overrides a pause and quiet hours; nothing else does.
    if (reason === 'demand') return null;
    if (paused) return 'paused';
    if (isQuietMinute(minuteOfDayIn(deps.now(), settings.timeZone), settings.quietHours))
      return 'quiet-hours';
    return null;
  };

  const syncAll = async (reason: SyncTrigger): Promise<SyncRunReport> => {
    const accounts = await deps.listAccounts();
    const outcomes: AccountOutcome[] = [];
    for (const account of accounts) {
      if (account.provider !== 'gmail') continue;
      // A revoked account only fails again until the person reconnects it.
      if (account.syncState === 'needs-reconnect' && reason !== 'demand') continue;
      try {
        await deps.startSync(account.id);
        outcomes.push({ accountId: account.id, outcome: 'started' });
      } catch (error) {
        const { code, message } = toSerializedError(error);
        outcomes.push(
          code === 'CONFLICT'
            ? { accountId: account.id, outcome: 'already-running' }
            : { accountId: account.id, outcome: 'failed', code, message },
        );
      }
    }
    return { trigger: reason, at: deps.now(), skipped: null, accounts: outcomes, error: null };
  };

  async function trigger(reason: SyncTrigger): Promise<SyncRunReport> {
    const skipped = whyNot(reason);
    let report: SyncRunReport;
    if (skipped) {
      report = skip(reason, skipped);
    } else {
      running = true;
      try {
        report = await syncAll(reason);
      } catch (error) {
        report = { ...skip(reason, null), error: toSerializedError(error) };
      } finally {
        running = false;
      }
    }
    // Every run, whatever started it, pushes the next periodic one a full interval away.
    if (skipped !== 'busy') arm();
    deps.onRun?.(report);
    return report;
  }

  return {
    start() {
      started = true;
      arm();
    },
    stop() {
      started = false;
      cancelTimer?.();
      cancelTimer = null;
    },
    trigger,
    setOnline(next) {
      const cameBack = next && !online;
      online = next;
      if (cameBack) void trigger('online');
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
    },
    get paused() {
      return paused;
    },
    get online() {
      return online;
    },
    updateSettings(next) {
      const intervalChanged = next.syncIntervalMinutes !== settings.syncIntervalMinutes;
      settings = next;
      if (intervalChanged) arm();
    },
  };
}
