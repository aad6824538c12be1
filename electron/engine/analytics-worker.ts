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
import type { AnalyticsStartData, FromAnalytics, ToAnalytics } from './reports/view-protocol.ts';

const port = parentPort;
if (!port) throw new Error('analytics-worker.ts runs only as a worker thread');
const start = workerData as AnalyticsStartData;
const post = (message: FromAnalytics) => port.postMessage(message);
// Below the engine's thread: its reports wait for a core, the window's calls do not.
lowerThreadPriority();

const logger = forwardingLogger(post);
let computer: ViewComputer | null = null;
port.on('message', (message: ToAnalytics) => {
  try {
    computer ??= new ViewComputer(openReader(start.databasePath, { logger }));
    const { seq } = message;
    const value = computer.compute(message.sets, (set, view, computed) =>
      post({ seq, kind: 'view', set, view, computed }),
    );
    post({ seq, kind: 'done', outcome: { ok: true, value } });
  } catch (error) {
    post({ seq: message.seq, kind: 'done', outcome: { ok: false, error: toSerializedError(error) } });
  }
  // The column snapshots for the next cold start, once the batch's views are out.
  try {
    computer?.flush();
  } catch (error) {
    logger.warn('could not write the analytics column snapshots', { error });
  }
});
