/**
 * Lowers the calling thread's scheduling priority, for the analytics worker: on a busy machine
 * the engine's thread (which answers the window) and the analytics worker compete for the same
 * cores, and at equal priority an ask waits behind the worker's report for whole time slices.
 * On Linux a priority set for "the calling process" (pid 0) applies to the calling thread alone,
 * so the engine's thread keeps its own; elsewhere it would lower the whole process, so it is left.
 */
import { platform, setPriority } from 'node:os';

/**
 * Nice 10: the scheduler weighs it at a tenth of the engine's thread. The cost: while other
 * programs keep the cores busy, a report in the worker gets less of them (docs/analytics.md).
 */
export const BACKGROUND_NICE = 10;

export function lowerThreadPriority(): boolean {
  if (platform() !== 'linux') return false;
  try {
    setPriority(0, BACKGROUND_NICE);
    return true;
  } catch {
    // Not allowed here (a sandbox): the worker runs at the engine's priority, as before.
    return false;
  }
}
