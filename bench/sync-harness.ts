/**
 * The sync rows' shared bench: an engine on a real SQLite file whose Gmail executors talk to the
 * emulator, a token provider that hands out the emulator's token, a first sync run to completion,
 * and readings of the emulator's counters.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TokenProvider } from '../electron/engine/auth/token-provider.ts';
import { Engine } from '../electron/engine/engine.ts';
import type { GeneratorOptions } from '../electron/engine/mail/generator/index.ts';
import type * as GmailSource from '../electron/engine/sources/gmail/index.ts';
import { engineServicesForTests } from '../electron/engine/testing.ts';
import type { QuotaProfile } from '../shared/domain.ts';
import { BriefError } from '../shared/errors.ts';
import type { CountersSnapshot } from '../test/emulator/counters.ts';
import type { LatencyOptions } from '../test/emulator/latency.ts';
import type { SeedMessage } from '../test/emulator/mailbox.ts';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../test/emulator/server.ts';
import { type BenchEmulator, startEmulatorThread } from './emulator-thread.ts';
import { now } from './measure.ts';

export { HIDDEN_LABELS, isHidden } from './hidden-labels.ts';

/** The latency every timed sync row uses (docs/benchmarks.md): uniform 50–150 ms per call. */
export const LATENCY: LatencyOptions = { minMs: 50, maxMs: 150 };
/** Long enough that no token expires during a row. */
export const TOKEN_LIFETIME_SECONDS = 24 * 3600;

/** Always the emulator's first access token: the rows measure sync, not sign-in. */
export function emulatorTokens(emulator: Pick<RunningEmulator, 'accessToken'>): TokenProvider {
  return {
    getAccessToken: async () => ({ accessToken: emulator.accessToken, expiresAt: Date.now() + 3600_000 }),
  };
}

export interface SyncEngine {
  engine: Engine;
  accountId: number;
}

/**
 * An engine whose `fetch_messages` and `sync_history` run the sync engine's own executors against
 * the emulator at this time scale, with one Gmail account for the emulator's user.
 */
export function openSyncEngine(options: {
  gmail: typeof GmailSource;
  folder: string;
  emulator: Pick<RunningEmulator, 'url' | 'user' | 'accessToken'>;
  profile: QuotaProfile;
  timeScale: number;
  /** How soon a cancelled job notices (ms). */
  heartbeatMs?: number;
  /** Leave the account's quota setting at `auto`, so the sync finds the ceiling itself. */
  discover?: boolean;
  /** The analytics worker's entry, as the app opens its engine (absent: views on the engine's thread). */
  analyticsWorker?: URL;
}): SyncEngine {
  const { gmail, emulator } = options;
  const overrides = { rootUrl: `${emulator.url}/`, timeScale: options.timeScale };
  const engine: Engine = Engine.open({
    databasePath: join(options.folder, 'brief.db'),
    tokenProvider: emulatorTokens(emulator),
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
    ...(options.analyticsWorker === undefined ? {} : { analyticsWorker: options.analyticsWorker }),
    executors: {
      fetch_messages: (context) =>
        gmail.fetchMessagesExecutor(engineServicesForTests(engine), overrides)(context),
      sync_history: (context) =>
        gmail.syncHistoryExecutor(engineServicesForTests(engine), overrides)(context),
    },
  });
  const account = engineServicesForTests(engine).accounts.createAccount({
    address: emulator.user,
    provider: 'gmail',
    settings: { quotaProfile: options.discover === true ? 'auto' : options.profile },
  });
  return { engine, accountId: account.id };
}

export interface FirstSyncResult {
  counters: CountersSnapshot;
  seeded: number;
  stored: number;
  ms: number;
  /** Share of the sync's time the thread was busy (1: it never waited, so the CPU set the pace). */
  busy: number;
  /** CPU time the process got, as a share of one core over the sync. */
  cpu: number;
  status: string;
  error: string | null;
}

/** The emulator in this thread, read as the bench reads one in its own thread. */
async function emulatorHere(options: EmulatorOptions): Promise<BenchEmulator> {
  const emulator = await startEmulator(options);
  return {
    url: emulator.url,
    user: emulator.user,
    accessToken: emulator.accessToken,
    messageCount: emulator.mailbox.messageCount,
    counters: async () => emulator.counters.snapshot(),
    close: () => emulator.close(),
  };
}

export async function firstSync(options: {
  gmail: typeof GmailSource;
  folder: string;
  /** The mailbox, served from this thread; or `synthetic`: generated and served in a thread of its own. */
  seed: Iterable<SeedMessage> | { synthetic: GeneratorOptions };
  labels?: Array<{ id: string; name: string }>;
  profile: QuotaProfile;
  timeScale: number;
  latency: LatencyOptions;
  user?: string;
  discover?: boolean;
}): Promise<FirstSyncResult> {
  const served = {
    profile: options.profile,
    timeScale: options.timeScale,
    latency: options.latency,
    user: options.user,
    accessTokenLifetimeSeconds: TOKEN_LIFETIME_SECONDS,
  };
  const { seed } = options;
  const emulator =
    'synthetic' in seed
      ? await startEmulatorThread({ ...served, synthetic: seed.synthetic })
      : await emulatorHere({ ...served, messages: seed, labels: options.labels });
  let engine: Engine | null = null;
  try {
    const opened = openSyncEngine({ ...options, emulator });
    engine = opened.engine;
    const started = now();
    const loopBefore = performance.eventLoopUtilization();
    const cpuBefore = process.cpuUsage();
    const job = engineServicesForTests(engine).jobs.createJob({
      type: 'fetch_messages',
      accountId: opened.accountId,
    });
    await engine.runner.runUntilIdle();
    const elapsed = now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const done = engineServicesForTests(engine).jobs.getJob(job.id);
    return {
      counters: await emulator.counters(),
      seeded: emulator.messageCount,
      stored: engineServicesForTests(engine).messages.getCacheStats(opened.accountId).count,
      ms: elapsed,
      busy: performance.eventLoopUtilization(loopBefore).utilization,
      cpu: (cpu.user + cpu.system) / 1000 / elapsed,
      status: done.status,
      error: done.error?.message ?? null,
    };
  } catch (error) {
    throw error instanceof BriefError
      ? error
      : new BriefError('INTERNAL', `The sync benchmark failed: ${String(error)}`);
  } finally {
    await engine?.close();
    await emulator.close();
  }
}

/** Units the calls that answered spent, all windows together. */
export function unitsSpent(counters: CountersSnapshot): number {
  return counters.windows.reduce((sum, window) => sum + window.unitsCharged, 0);
}

/**
 * Units of 2xx calls in windows `from`…n−2 (0-based) ÷ the units the elapsed time from the first
 * of them to the end of the last allows: gaps between windows and windows stretched by penalties
 * count as time, so they cannot hide slow pacing.
 */
export function elapsedShare(
  counters: CountersSnapshot,
  from: number,
  unitsPerMinute: number,
  timeScale: number,
): number {
  const measured = counters.windows.slice(from, -1);
  if (measured.length === 0) return 0;
  const elapsed = measured[measured.length - 1]!.end - measured[0]!.start;
  const allowed = (elapsed / (60_000 / timeScale)) * unitsPerMinute;
  return measured.reduce((sum, window) => sum + window.unitsSucceeded, 0) / allowed;
}

export function rateLimitErrors(counters: CountersSnapshot): number {
  return Object.entries(counters.errorsByKind)
    .filter(([kind]) => /429|rateLimit|RateLimit/.test(kind))
    .reduce((sum, [, seen]) => sum + seen, 0);
}

/** The emulator's admitted calls as "history.list ×1, messages.get ×100", without the `users.` prefix. */
export function describeCalls(counters: CountersSnapshot): string {
  const calls = Object.entries(counters.callsByMethod).filter(([, seen]) => seen > 0);
  if (calls.length === 0) return 'no calls';
  return calls.map(([method, seen]) => `${method.replace(/^users\./, '')} ×${seen}`).join(', ');
}
