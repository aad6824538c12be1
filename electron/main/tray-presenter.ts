/**
 * Holds the tray's status, folds engine events into it and hands a new view to `render` only when
 * something visible changed (progress events arrive several times a second; the menu is rebuilt
 * only when its text does). index.ts's `render` sets the real icon, tooltip and menu.
 */
import type { SyncState } from '../../shared/domain.ts';
import {
  applyTrayEvent,
  initialTrayStatus,
  setTrayPaused,
  type TrayEvent,
  type TrayStatus,
  type TrayView,
  trayView,
} from './tray-model.ts';

export interface TrayPresenter {
  readonly view: TrayView;
  seed(accounts: ReadonlyArray<{ id: number; syncState: SyncState; lastSyncAt: string | null }>): void;
  apply(event: TrayEvent): void;
  setPaused(paused: boolean): void;
  /** Re-renders time-dependent text ("Last sync: 3 minutes ago"); called once a minute. */
  refresh(): void;
}

export function createTrayPresenter(options: { now(): number; render(view: TrayView): void }): TrayPresenter {
  let status: TrayStatus = initialTrayStatus();
  let view = trayView(status, options.now());
  let shown = '';
  const publish = () => {
    view = trayView(status, options.now());
    const key = JSON.stringify(view);
    if (key === shown) return;
    shown = key;
    options.render(view);
  };
  return {
    get view() {
      return view;
    },
    seed(accounts) {
      status = { ...initialTrayStatus(accounts), paused: status.paused, runningJobs: status.runningJobs };
      publish();
    },
    apply(event) {
      status = applyTrayEvent(status, event, options.now());
      publish();
    },
    setPaused(paused) {
      status = setTrayPaused(status, paused);
      publish();
    },
    refresh: publish,
  };
}
