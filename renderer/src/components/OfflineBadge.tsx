import { useConnection } from '../state/connection-store.ts';

/** Shown while the engine does not answer; the figures on screen are the last ones loaded. */
export function OfflineBadge() {
  const reachable = useConnection((s) => s.reachable);
  if (reachable) return null;
  return (
    <output
      className="offline-badge"
      title="The figures shown are the last ones loaded. They refresh when the connection returns."
    >
      Offline
    </output>
  );
}
