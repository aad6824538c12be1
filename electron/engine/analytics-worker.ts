/**
 * The analytics worker's entry: computes batches of views (reports and Briefs) through a
 * read-only connection of its own, so the engine's thread — the one that answers the dashboard,
 * the CLI and `brief serve` — stays free while a report over a million messages runs
 * (docs/analytics.md "Off the engine's thread"). It writes nothing: the engine stores the results,
 * and its log records are posted to the engine's thread, which writes them to the engine's log.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toSerializedError } from '../../shared/errors.ts';
import { openReader } from './db/open-reader.ts';
import { lowerThreadPriority } from './reports/background-priority.ts';
import { forwardingLogger } from './reports/forwarded-log.ts';
import { ViewComputer } from './reports/view-computer.ts';
import {
  type AnalyticsStartData,
  type FromAnalytics,
  SNAPSHOT_IDLE_MS,
  type ToAnalytics,
} from './reports/view-protocol.ts';

const port = parentPort;
if (!port) throw new Error('analytics-worker.ts runs only as a worker thread');
const start = workerData as AnalyticsStartData;
const post = (message: FromAnalytics) => port.postMessage(message);
// Below the engine's thread: its reports wait for a core, the window's calls do not.
lowerThreadPriority();

const logger = forwardingLogger(post);
const snapshotIdleMs = start.snapshotIdleMs ?? SNAPSHOT_IDLE_MS;
let computer: ViewComputer | null = null;
let idle: NodeJS.Timeout | undefined;

/** The column snapshots for the next cold start that the loads put off (view-protocol.ts SNAPSHOT_IDLE_MS). */
function writeSnapshots(): void {
  clearTimeout(idle);
  idle = undefined;
  try {
    computer?.flush();
  } catch (error) {
    logger.warn('could not write the analytics column snapshots', { error });
  }
}

port.on('message', (message: ToAnalytics) => {
  const { seq } = message;
  if (message.kind === 'flush') {
    writeSnapshots();
    post({ seq, kind: 'done', outcome: { ok: true, value: [] } });
    return;
  }
  // A batch first: the snapshot waits until the worker is idle again.
  clearTimeout(idle);
  try {
    computer ??= new ViewComputer(openReader(start.databasePath, { logger }));
    const value = computer.compute(message.sets, (set, view, computed) =>
      post({ seq, kind: 'view', set, view, computed }),
    );
    post({ seq, kind: 'done', outcome: { ok: true, value } });
  } catch (error) {
    post({ seq, kind: 'done', outcome: { ok: false, error: toSerializedError(error) } });
  }
  if (Number.isFinite(snapshotIdleMs)) idle = setTimeout(writeSnapshots, snapshotIdleMs);
});
