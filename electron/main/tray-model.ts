/**
 * What the tray shows, computed from the engine's pushed events: one icon state for all accounts,
 * a tooltip, and the menu template. Pure (no Electron import), so every state is tested under
 * Node; index.ts turns the template into a real `Menu` and the state into an icon file.
 */
import type { Events } from '../../shared/contract.ts';
import type { SyncState } from '../../shared/domain.ts';

export type TrayIconState =
  | 'idle'
  | 'syncing'
  | 'waiting-for-quota'
  | 'offline'
  | 'error'
  | 'needs-reconnect';
export const TRAY_ICON_STATES: readonly TrayIconState[] = [
  'idle',
  'syncing',
  'waiting-for-quota',
  'offline',
  'error',
  'needs-reconnect',
];

/** Jobs that bring mail in: the tray shows them as syncing, with their progress. */
const MAIL_JOB_TYPES = new Set(['fetch_messages', 'sync_history', 'import_mail']);
const SYNC_JOB_TYPES = new Set(['fetch_messages', 'sync_history']);
const RUNNING = 'processing';

export interface TrayStatus {
  accountStates: ReadonlyMap<number, SyncState>;
  /** Running mail jobs and their percentage (null while the total is unknown). */
  runningJobs: ReadonlyMap<number, number | null>;
  paused: boolean;
  /** Epoch ms of the last completed sync of any account. */
  lastSyncAt: number | null;
}

export function initialTrayStatus(
  accounts: ReadonlyArray<{ id: number; syncState: SyncState; lastSyncAt: string | null }> = [],
): TrayStatus {
  const times = accounts.map((a) => (a.lastSyncAt ? Date.parse(a.lastSyncAt) : Number.NaN));
  const known = times.filter((t) => Number.isFinite(t));
  return {
    accountStates: new Map(accounts.map((a) => [a.id, a.syncState])),
    runningJobs: new Map(),
    paused: false,
    lastSyncAt: known.length > 0 ? Math.max(...known) : null,
  };
}

export type TrayEvent =
  | { name: 'sync-state'; payload: Events['sync-state'] }
  | { name: 'job-progress'; payload: Events['job-progress'] }
  | { name: 'job-state'; payload: Events['job-state'] };

/** Folds one engine event into the status; `now` stamps a sync that just completed. */
export function applyTrayEvent(status: TrayStatus, event: TrayEvent, now: number): TrayStatus {
  switch (event.name) {
    case 'sync-state': {
      const accountStates = new Map(status.accountStates);
      accountStates.set(event.payload.accountId, event.payload.state);
      return { ...status, accountStates };
    }
    case 'job-progress': {
      // Progress arrives only for jobs already seen running; other job types are not the tray's business.
      if (!status.runningJobs.has(event.payload.jobId)) return status;
      const runningJobs = new Map(status.runningJobs);
      runningJobs.set(event.payload.jobId, event.payload.percentage);
      return { ...status, runningJobs };
    }
    case 'job-state': {
      const { jobId, type, status: jobStatus } = event.payload;
      if (!MAIL_JOB_TYPES.has(type)) return status;
      const runningJobs = new Map(status.runningJobs);
      if (jobStatus === RUNNING) runningJobs.set(jobId, runningJobs.get(jobId) ?? null);
      else runningJobs.delete(jobId);
      const finishedSync = jobStatus === 'completed' && SYNC_JOB_TYPES.has(type);
      return { ...status, runningJobs, lastSyncAt: finishedSync ? now : status.lastSyncAt };
    }
  }
}

export function setTrayPaused(status: TrayStatus, paused: boolean): TrayStatus {
  return { ...status, paused };
}

/** One state for the whole tray: what needs the person first, then work in progress. */
export function trayIconState(status: TrayStatus): TrayIconState {
  const states = new Set(status.accountStates.values());
  if (states.has('needs-reconnect')) return 'needs-reconnect';
  if (states.has('error')) return 'error';
  if (status.runningJobs.size > 0 || states.has('syncing')) return 'syncing';
  if (states.has('waiting-for-quota')) return 'waiting-for-quota';
  if (states.has('offline')) return 'offline';
  return 'idle';
}

/** Mean percentage of the running jobs that know their total; null when none does. */
export function syncPercentage(status: TrayStatus): number | null {
  const known = [...status.runningJobs.values()].filter((p): p is number => p !== null);
  if (known.length === 0) return null;
  return Math.round(known.reduce((sum, p) => sum + p, 0) / known.length);
}

export function formatLastSync(lastSyncAt: number | null, now: number): string {
  if (lastSyncAt === null) return 'Last sync: never';
  const minutes = Math.floor(Math.max(0, now - lastSyncAt) / 60_000);
  if (minutes < 1) return 'Last sync: just now';
  if (minutes < 60) return `Last sync: ${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `Last sync: ${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `Last sync: ${new Date(lastSyncAt).toISOString().slice(0, 10)}`;
}

const STATE_LINES: Record<TrayIconState, string> = {
  idle: 'Up to date',
  syncing: 'Syncing…',
  'waiting-for-quota': 'Waiting for Gmail quota',
  offline: 'Offline — syncing resumes when the network is back',
  error: 'A sync failed — open 360Brief for details',
  'needs-reconnect': 'An account needs reconnecting — open 360Brief and use Connect Gmail',
};

export function statusLine(status: TrayStatus): string {
  const state = trayIconState(status);
  if (status.paused && state !== 'needs-reconnect' && state !== 'error') return 'Sync paused';
  const percentage = syncPercentage(status);
  if (state === 'syncing' && percentage !== null) return `Syncing… ${percentage}%`;
  return STATE_LINES[state];
}

export type TrayAction = 'open' | 'open-brief' | 'sync-now' | 'pause' | 'resume' | 'quit';

/** A menu item as plain data; index.ts attaches the click handler for `action`. */
export interface TrayMenuItem {
  label?: string;
  type?: 'normal' | 'separator';
  enabled?: boolean;
  action?: TrayAction;
}

export interface TrayView {
  icon: TrayIconState;
  tooltip: string;
  menu: TrayMenuItem[];
}

export function trayView(status: TrayStatus, now: number): TrayView {
  const line = statusLine(status);
  const lastSync = formatLastSync(status.lastSyncAt, now);
  return {
    icon: trayIconState(status),
    tooltip: `360Brief — ${line}\n${lastSync}`,
    menu: [
      { label: 'Open 360Brief', action: 'open' },
      { label: 'Open the Brief', action: 'open-brief' },
      { label: 'Sync now', action: 'sync-now', enabled: trayIconState(status) !== 'offline' },
      status.paused ? { label: 'Resume sync', action: 'resume' } : { label: 'Pause sync', action: 'pause' },
      { type: 'separator' },
      { label: line, enabled: false },
      { label: lastSync, enabled: false },
      { type: 'separator' },
      { label: 'Quit 360Brief', action: 'quit' },
    ],
  };
}
