/**
 * Imports mail into a database through the engine in a process of its own, so its peak memory is
 * the import's alone: the warm_cache job the import queues afterwards is cancelled before it runs
 * (warming computes the analytics, whose cost the analytics rows measure).
 * Usage: node bench/child-import.ts <db> <account address> <path>...
 * Prints one JSON line: { maxRssBytes, ms, status, summary, error }.
 */
import { performance } from 'node:perf_hooks';
import { Engine } from '../electron/engine/engine.ts';

const [databasePath, account, ...paths] = process.argv.slice(2);
if (!databasePath || !account || paths.length === 0) {
  console.error('Usage: node bench/child-import.ts <db> <account address> <path>...');
  process.exit(2);
}
const engine = Engine.open({ databasePath });
engine.on('job-state', (event) => {
  if (event.type === 'warm_cache' && event.status === 'pending') engine.services.jobs.cancelJob(event.jobId);
});
const started = performance.now();
const job = await engine.call('import.start', { paths, account });
await engine.runner.runUntilIdle();
const done = engine.services.jobs.getJob(job.id);
const elapsed = performance.now() - started;
await engine.close();
console.log(
  JSON.stringify({
    // Linux and macOS report maxRSS in kilobytes.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    ms: elapsed,
    status: done.status,
    summary: done.metadata.summary ?? null,
    error: done.error,
  }),
);
