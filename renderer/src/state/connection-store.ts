import { create } from 'zustand';

/** Whether the engine behind window.brief (or the bridge) answers, and accepts this page. */
export interface ConnectionState {
  reachable: boolean;
  authorized: boolean;
  /** Why the page cannot talk to the engine at all (no token); null when it can. */
  blockedReason: string | null;
}

export const useConnection = create<ConnectionState>(() => ({
  reachable: true,
  authorized: true,
  blockedReason: null,
}));
