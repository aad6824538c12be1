/**
 * "Incremental sync" (docs/benchmarks.md): an account whose mail is already stored, 100 new messages in
 * Gmail, then `sync_history`: the time from the job's creation to the first `analytics-updated`
 * (the dashboard's cue to redraw), and every call the emulator admitted meanwhile.
 *
 * The store is filled the way a finished first sync leaves it, without spending minutes on one:
 * each message exactly as the emulator renders it for the sync (format=metadata, the sync's
 * headers), through `factsFromGmail` and `cacheBulk`, each batch derived as it is stored (as the
 * sync's publisher does); then the mailbox's history id, the sync time and a warm analytics
 * cache, as `SyncRun.finish` does. stderr shows the fill's phases and the timed sync's.
 */
import { performance } from 'node:perf_hooks';
import { factsFromGmail, type GmailMessageResource } from '../electron/engine/mail/index.ts';
import type * as GmailSource from '../electron/engine/sources/gmail/index.ts';
import { engineServicesForTests } from '../electron/engine/testing.ts';
import { type BenchContext, generatorOptions } from './context.ts';
import { startEmulatorThread, type ThreadEmulator } from './emulator-thread.ts';
import { count, ms, now } from './measure.ts';
import { ANALYTICS_WORKER } from './responsiveness.ts';
import { notMeasured, type Row } from './row.ts';
import {
  describeCalls,
  LATENCY,
  openSyncEngine,
  type SyncEngine,
  TOKEN_LIFETIME_SECONDS,
} from './sync-harness.ts';

export const INCREMENTAL = 'Incremental sync';
const TARGET = 'history.list + fetches only (no messages.list); < 500 ms at 1,000,000 stored';
const MILLION_TARGET = 'history.list + fetches only; < 500 ms; within 1.5× of 100,000 stored';
const TARGET_MS = 500;
const MAX_RATIO = 1.5;
const NEW_MESSAGES = 100;
const STORE_BATCH = 1_000;
/** The newest messages the arrivals are drawn from. */
const ARRIVAL_POOL = 1_000;
/** What an incremental sync may call: history pages and fetches. */
const ALLOWED_CALLS = ['users.history.list', 'users.messages.get', 'users.threads.get'];

/** Stores the emulator's visible mailbox as a completed first sync would have; returns how long it took. */
async function storeAsSynced(
  gmail: typeof GmailSource,
  emulator: ThreadEmulator,
  synced: SyncEngine,
): Promise<number> {
  const started = performance.now();
  const phases = { render: 0, store: 0, derive: 0 };
  const services = engineServicesForTests(synced.engine);
  let total = Number.POSITIVE_INFINITY;
  for (let at = 0; at < total; at += STORE_BATCH) {
    const rendered = performance.now();
    // Rendered by the emulator's thread: the JSON the sync would parse off the wire, as this type.
    const page = await emulator.render(at, STORE_BATCH, gmail.METADATA_HEADERS);
    total = page.total;
    const items = page.messages.map((message) => ({
      facts: factsFromGmail(message as unknown as GmailMessageResource),
    }));
    const storing = performance.now();
    services.messages.cacheBulk(synced.accountId, gmail.PROVIDER_GMAIL, items);
    const deriving = performance.now();
    // Each batch derived as it is stored, as a first sync publishes its batches (derive-changes.ts:
    // only the new rows; the same result as one whole-account pass at the end, which at 1,000,000
    // rewrote every row's thread index entry a second time: ≈ 3–4.5 min of the fill).
    services.rederive(synced.accountId);
    phases.render += storing - rendered;
    phases.store += deriving - storing;
    phases.derive += performance.now() - deriving;
  }
  services.accounts.setMailboxTotal(synced.accountId, total);
  services.accounts.setHistoryId(synced.accountId, String(emulator.historyId));
  services.accounts.markSynced(synced.accountId);
  const deriving = performance.now();
  // Derived as of the sync's end: anything the batches' instants left to derive (nothing, usually).
  services.rederive(synced.accountId);
  phases.derive += performance.now() - deriving;
  const warming = performance.now();
  await services.warmAnalytics(synced.accountId);
  process.stderr.write(
    `bench:   fill: rendered and parsed ${ms(phases.render)}, stored ${ms(phases.store)}, derived ${ms(phases.derive)}, ` +
      `analytics warmed ${ms(performance.now() - warming)}\n`,
  );
  return performance.now() - started;
}

/** The rows at 100,000 and 1,000,000 stored (10,000 in --quick), the larger against the smaller. */
export async function incrementalRows(gmail: typeof GmailSource, context: BenchContext): Promise<Row[]> {
  const sizes = (context.quick ? [10_000] : [100_000, 1_000_000]).filter((stored) =>
    context.wants(`${INCREMENTAL}, ${count(stored)} stored`),
  );
  const rows: Row[] = [];
  let baseline: number | null = null;
  for (const stored of sizes) {
    try {
      const measured = await incrementalRow(gmail, context, stored, baseline);
      rows.push(measured.row);
      baseline ??= measured.ms;
    } catch (error) {
      // A machine without the memory for a million seeded messages still reports the other rows.
      const reason = error instanceof Error ? error.message : String(error);
      rows.push(
        notMeasured(
          `${INCREMENTAL}, ${count(stored)} stored`,
          TARGET,
          reason,
          'sync_history after 100 new messages',
        ),
      );
    }
  }
  return rows;
}

async function incrementalRow(
  gmail: typeof GmailSource,
  context: BenchContext,
  stored: number,
  baseline: number | null,
): Promise<{ row: Row; ms: number | null }> {
  const figure = `${INCREMENTAL}, ${count(stored)} stored`;
  const target = baseline === null ? TARGET : MILLION_TARGET;
  const serving = performance.now();
  // In a thread of its own, as Google's servers are not on the user's CPU: its generating,
  // rendering and answering are not charged to the sync's thread.
  const emulator = await startEmulatorThread({
    synthetic: generatorOptions(26, stored + NEW_MESSAGES, 'user@example.com'),
    holdBack: { count: NEW_MESSAGES, pool: ARRIVAL_POOL, seed: 26 },
    profile: 'legacy',
    timeScale: 1,
    latency: LATENCY,
    accessTokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
  });
  const visibleNew = emulator.heldBackVisible;
  const synced = openSyncEngine({
    gmail,
    folder: context.scratch('sync-incremental'),
    emulator,
    profile: 'legacy',
    timeScale: 1,
    // As the app opens it: the warming after the sync runs in the analytics worker, whose heap is
    // not the one holding the emulator's million messages.
    analyticsWorker: ANALYTICS_WORKER,
  });
  const { engine, accountId } = synced;
  process.stderr.write(
    `bench:   fill: generated and emulator started (its thread) ${ms(performance.now() - serving)}\n`,
  );
  try {
    const fillMs = await storeAsSynced(gmail, emulator, synced);
    const storedBefore = engineServicesForTests(engine).messages.getCacheStats(accountId).count;
    process.stderr.write(`bench: ${count(storedBefore)} messages stored as synced in ${ms(fillMs)}\n`);
    const protocol =
      `legacy profile, latency uniform 50–150 ms, time scale 1, the engine with its analytics worker (as the app opens it); ${count(stored)} generated messages in the ` +
      `emulator, which runs in a worker thread of its own${context.quick ? ' (100,000 and 1,000,000 in the full run)' : ''}, ${count(storedBefore)} of them (outside ` +
      "spam and trash) stored as a finished first sync leaves them (rendered format=metadata by the emulator's thread → " +
      `factsFromGmail → cacheBulk, each batch re-derived as stored, as a first sync publishes them; history id, analytics warmed; ${ms(fillMs)}); then ` +
      `${NEW_MESSAGES} more generated messages, held back from the seed (seeded random picks among the ` +
      `${count(ARRIVAL_POOL)} newest), added in its thread with mailbox.addMessage; timed: sync_history job ` +
      'creation → the first analytics-updated of the account or of "all" (the dashboard\'s default); calls = the emulator\'s admitted calls during the job';
    await emulator.arrive();
    const marks: { dataChanged: number | null; analyticsUpdated: number | null } = {
      dataChanged: null,
      analyticsUpdated: null,
    };
    const started = now();
    // CPU of the whole process (the engine, its analytics worker, and the emulator's thread) until the first update.
    const cpuStarted = process.cpuUsage();
    // The sync's own thread (the engine's jobs; the emulator answers in its own), for the stderr trace:
    // on a loaded machine its CPU says more than the wall time does.
    const threadStarted = process.threadCpuUsage();
    let cpuMs = Number.NaN;
    const offData = engine.on('data-changed', (payload) => {
      if (payload.accountId === accountId && marks.dataChanged === null) marks.dataChanged = now() - started;
    });
    // The phases on stderr: where the time between the job's creation and its end went.
    const trace = (what: string) => process.stderr.write(`bench:   ${ms(now() - started)} ${what}\n`);
    const offAnalytics = engine.on('analytics-updated', (payload) => {
      // The account's views or those of every account (the dashboard opens on "all").
      const ours = payload.account === accountId || payload.account === 'all';
      if (ours && marks.analyticsUpdated === null) {
        marks.analyticsUpdated = now() - started;
        const used = process.cpuUsage(cpuStarted);
        cpuMs = (used.user + used.system) / 1000;
      }
      trace(`analytics-updated ${payload.key.slice(0, 60)}`);
    });
    const offProgress = engine.on('job-progress', (payload) => trace(`progress: ${payload.step}`));
    const offChanged = engine.on('data-changed', () => {
      const used = process.threadCpuUsage(threadStarted);
      trace(
        `data-changed (this thread's CPU since the job's creation ${ms((used.user + used.system) / 1000)})`,
      );
    });
    const job = engineServicesForTests(engine).jobs.createJob({ type: 'sync_history', accountId });
    await engine.runner.runUntilIdle();
    const jobMs = now() - started;
    offData();
    offAnalytics();
    offProgress();
    offChanged();
    const done = engineServicesForTests(engine).jobs.getJob(job.id);
    const counters = await emulator.counters();
    const storedAfter = engineServicesForTests(engine).messages.getCacheStats(accountId).count;
    if (done.status !== 'completed' || marks.analyticsUpdated === null) {
      const reason = `sync_history ${done.status}${done.error ? `: ${done.error.message}` : ''}`;
      return { row: notMeasured(figure, target, reason, protocol), ms: null };
    }
    const onlyAllowed = Object.keys(counters.callsByMethod).every((method) => ALLOWED_CALLS.includes(method));
    const listed = counters.callsByMethod['users.messages.list'] ?? 0;
    const updated = marks.analyticsUpdated;
    const ratio = baseline === null ? null : updated / baseline;
    const row: Row = {
      figure,
      value:
        `${ms(updated)} (process CPU meanwhile ${ms(cpuMs)}; first data-changed ${ms(marks.dataChanged ?? Number.NaN)}, job done ` +
        `${ms(jobMs)}; ${count(storedAfter - storedBefore)} of ${visibleNew} new stored; calls: ${describeCalls(counters)}; ` +
        `messages.list ×${listed}${ratio === null ? '' : `; ${ratio.toFixed(2)}× the smaller mailbox's`})`,
      target,
      pass:
        updated < TARGET_MS &&
        (ratio === null || ratio <= MAX_RATIO) &&
        onlyAllowed &&
        storedAfter - storedBefore === visibleNew,
      protocol,
    };
    return { row, ms: updated };
  } finally {
    await engine.close();
    await emulator.close();
  }
}
