/** A hand-driven clock and timer queue for the shell's schedulers (no real time passes in tests). */
export interface ManualTimers {
  now(): number;
  setTimer(run: () => void, ms: number): () => void;
  repeat(run: () => void, ms: number): () => void;
  /** Moves time forward, firing every timer that falls due, in order. */
  advance(ms: number): void;
  pending(): number;
}

export function createManualTimers(start: number): ManualTimers {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; run: () => void; every: number | null }>();
  return {
    now: () => now,
    setTimer(run, ms) {
      const id = ++nextId;
      timers.set(id, { at: now + ms, run, every: null });
      return () => timers.delete(id);
    },
    repeat(run, ms) {
      const id = ++nextId;
      timers.set(id, { at: now + ms, run, every: ms });
      return () => timers.delete(id);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        const [id, timer] = due;
        now = timer.at;
        if (timer.every === null) timers.delete(id);
        else timer.at += timer.every;
        timer.run();
      }
      now = end;
    },
    pending: () => timers.size,
  };
}
