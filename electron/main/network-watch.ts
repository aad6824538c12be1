/**
 * Electron's main process has no "online" event, so the network is watched by asking
 * `net.isOnline()` on a timer; a change is reported once (the scheduler syncs when it comes back).
 */
export interface NetworkWatchOptions {
  isOnline(): boolean;
  /** Runs `run` every `ms`; returns a function that stops it. */
  repeat(run: () => void, ms: number): () => void;
  onChange(online: boolean): void;
  intervalMs?: number;
}

export function watchNetwork(options: NetworkWatchOptions): () => void {
  let last = options.isOnline();
  return options.repeat(() => {
    const now = options.isOnline();
    if (now === last) return;
    last = now;
    options.onChange(now);
  }, options.intervalMs ?? 15_000);
}
