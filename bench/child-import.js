/**
 * Imports mail through the built engine (bench/built.ts) in a process of its own, so its peak
 * memory is the import's alone: the warm_cache jobs the imports queue are cancelled before they
 * run (warming computes the analytics, whose cost the analytics rows measure).
 * Plain JavaScript that imports nothing of ours but the built engine: a TypeScript child would load
 * Node's type stripper (≈ 17 MB), and the bench's own modules the engine's sources, into the figure.
 * Usage: [bin/brief.js's environment] node <bin/brief.js's node flags> bench/child-import.js <engine.js> <db> <account>=<path>[,<path>...]...
 * (one import.start per argument after the database, all queued before the runner starts).
 * Prints one JSON line: { maxRssBytes, storingRssBytes, ms, cpuMs, engineCpuMs, failed, summaries, jobsRun, cancelled },
 * where ms runs from the first import.start to the last import job completed, and storingRssBytes
 * is the peak RSS when the last batch was stored: the peak while reading and storing, before the
 * re-derivation (one synchronous call, so nothing is sampled inside it) and its own peak.
 * jobsRun counts the jobs that started, by type, and cancelled the warmings cancelled before they
 * started, so a reader sees that the peak is the imports' alone.
 * Every peak is this process's VmHWM, never resourceUsage().maxRSS: on Linux a spawned process's
 * maxRSS starts at its parent's RSS at the spawn (the kernel keeps the larger of the forked copy's
 * high-water mark and the new program's), so a bench parent holding 700 MB made every child "peak"
 * at 700 MB.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [enginePath, databasePath, ...imports] = process.argv.slice(2);
const parsed = imports.map((argument) => {
  const at = argument.indexOf('=');
  return { account: argument.slice(0, at), paths: argument.slice(at + 1).split(',') };
});
if (
  !enginePath ||
  !databasePath ||
  parsed.length === 0 ||
  parsed.some((one) => one.account === '' || one.paths[0] === '')
) {
  console.error('Usage: node bench/child-import.js <engine.js> <db> <account>=<path>[,<path>...]...');
  process.exit(2);
}
/** @type {typeof import('../electron/engine/index.ts')} */
const { Engine } = await import(pathToFileURL(enginePath).href);
const engine = Engine.open({ databasePath });
/** @type {number[]} */
const jobIds = [];
let lastDone = 0;
/** @type {Record<string, number>} */
const jobsRun = {};
let cancelled = 0;
engine.on('job-state', (event) => {
  // Through the contract: this engine is the built one, whose services no test accessor reaches.
  if (event.type === 'warm_cache' && event.status === 'pending')
    engine.call('jobs.cancel', { jobId: event.jobId }).then(
      () => {
        cancelled += 1;
      },
      (error) => console.error(error),
    );
  if (event.status === 'processing') jobsRun[event.type] = (jobsRun[event.type] ?? 0) + 1;
  if (event.status === 'completed' && jobIds.includes(event.jobId)) lastDone = performance.now();
});
/** VmHWM, this process's own peak RSS so far (Linux); null where /proc is absent. */
function highWaterBytes() {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
let storingRssBytes = 0;
// The step an import tells as its last batch is stored, just before it re-derives the account.
engine.on('job-progress', (event) => {
  if (event.step?.startsWith('Working out threads'))
    storingRssBytes = Math.max(storingRssBytes, highWaterBytes() ?? 0);
});
const cpu = process.cpuUsage();
const engineCpu = process.threadCpuUsage();
const started = performance.now();
for (const one of parsed) jobIds.push((await engine.call('import.start', one)).id);
await engine.runner.runUntilIdle();
const used = process.cpuUsage(cpu);
const engineUsed = process.threadCpuUsage(engineCpu);
const jobs = await Promise.all(jobIds.map((jobId) => engine.call('jobs.get', { jobId })));
await engine.close();
const failed = jobs.find((job) => job.status !== 'completed');
console.log(
  JSON.stringify({
    // maxRSS (kilobytes) only where there is no /proc: there it may include the parent's RSS (above).
    maxRssBytes: highWaterBytes() ?? process.resourceUsage().maxRSS * 1024,
    storingRssBytes,
    ms: lastDone - started,
    // Every thread of the process (the reader worker's too), and the engine's thread alone.
    cpuMs: (used.user + used.system) / 1000,
    engineCpuMs: (engineUsed.user + engineUsed.system) / 1000,
    failed: failed ? `import ${failed.status}: ${failed.error?.message}` : null,
    summaries: jobs.map((job) => job.metadata.summary ?? null),
    jobsRun,
    cancelled,
  }),
);
