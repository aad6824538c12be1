/**
 * A sync test bench: the Gmail API emulator over real HTTP, an engine on a real SQLite file in a
 * temporary folder, a file vault and refreshing token provider against the emulator's token
 * endpoint, and time that skips instead of sleeping (shared by the emulator, the engine and the
 * sync, so quota windows reset when the engine waits and no test really sleeps).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileVault } from '../../electron/engine/auth/file-vault.ts';
import { RefreshingTokenProvider } from '../../electron/engine/auth/refreshing-token-provider.ts';
import type { TokenProvider } from '../../electron/engine/auth/token-provider.ts';
import { Engine, type EngineServices } from '../../electron/engine/engine.ts';
import {
  fetchMessagesExecutor,
  type GmailSyncOptions,
  syncHistoryExecutor,
} from '../../electron/engine/sources/gmail/index.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import type { AccountSettings, JobType } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import type { SeedMessage } from '../emulator/mailbox.ts';
import { createRandom } from '../emulator/random.ts';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../emulator/server.ts';

/**
 * Real time plus whatever the waits skipped. A wait moves the clock to its end unless another wait
 * already moved it further: waits that overlap in time overlap on this clock too.
 * With `virtual`, real time is left out: the clock moves only when something waits, so how fast the
 * CPU is (a loaded machine) cannot change what happens within a quota window.
 * Work `held` (a token request's round trip) takes no time on this clock: no wait moves it until
 * the work is done. Skipping meanwhile let a minute-long quota wait elapse during a refresh, so the
 * new token reached the sync already expired, was refused before Gmail ever accepted it, and the
 * sync ended with "Reconnect" (reliability "Faults", full mode, seed 2008).
 */
export class SkippingTime {
  skipped = 0;
  readonly #start: number | null;
  #held = 0;
  #released: Promise<void> = Promise.resolve();
  #release: () => void = () => {};
  constructor(options: { virtual?: boolean } = {}) {
    this.#start = options.virtual === true ? Date.now() : null;
  }
  readonly #base = (): number => this.#start ?? Date.now();
  readonly now = (): number => this.#base() + this.skipped;
  readonly sleep = async (ms: number, signal: AbortSignal): Promise<void> => {
    if (signal.aborted) throw new BriefError('CANCELLED', 'stopped');
    const until = this.now() + Math.max(0, Math.ceil(ms));
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#held > 0) await this.#released;
    this.skipped = Math.max(this.skipped, until - this.#base());
  };
  readonly skip = async (ms: number): Promise<void> => {
    while (this.#held > 0) await this.#released;
    this.skipped += Math.max(0, Math.ceil(ms));
    await new Promise((resolve) => setImmediate(resolve));
  };
  /** Runs `work` with the clock held: waits that end meanwhile move it only once the work is done. */
  readonly hold = async <T>(work: () => Promise<T>): Promise<T> => {
    if (this.#held++ === 0) this.#released = new Promise((resolve) => (this.#release = resolve));
    try {
      return await work();
    } finally {
      if (--this.#held === 0) this.#release();
    }
  };
}

export interface BenchOptions extends EmulatorOptions {
  messages: SeedMessage[] | Iterable<SeedMessage>;
  settings?: Partial<AccountSettings>;
  sync?: Partial<GmailSyncOptions>;
  randomSeed?: number;
  /** How often the runner renews leases and notices a pause (ms). */
  heartbeatMs?: number;
  /** Time moves only when the sync or the runner waits (SkippingTime `virtual`). */
  virtualTime?: boolean;
}

export interface SyncBench {
  emulator: RunningEmulator;
  time: SkippingTime;
  dir: string;
  databasePath: string;
  vaultPath: string;
  engine: Engine;
  accountId: number;
  /** Closes the engine and opens a new one on the same file. */
  reopen(): Promise<Engine>;
  /** Creates the job and runs the queue until nothing is due; returns the job as it ended. */
  runJob(
    type: JobType,
    metadata?: Parameters<EngineServices['jobs']['createJob']>[0]['metadata'],
  ): Promise<ReturnType<EngineServices['jobs']['getJob']>>;
  runQueue(): Promise<void>;
  close(): Promise<void>;
}

export async function startSyncBench(options: BenchOptions): Promise<SyncBench> {
  const { messages, settings, sync, randomSeed, heartbeatMs, virtualTime, ...emulatorOptions } = options;
  const time = new SkippingTime({ virtual: virtualTime });
  const emulator = await startEmulator({ clock: { now: time.now }, messages, ...emulatorOptions });
  const dir = mkdtempSync(join(tmpdir(), 'brief-sync-'));
  const databasePath = join(dir, 'brief.db');
  const vaultPath = join(dir, 'tokens.json');
  const vault = new FileVault(vaultPath);
  vault.set(emulator.user, { refreshToken: emulator.refreshToken, scope: emulator.scope });
  const refreshing = new RefreshingTokenProvider(
    vault,
    {
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      authorizationEndpoint: emulator.endpoints.oauth2AuthBaseUrl,
      tokenEndpoint: emulator.endpoints.oauth2TokenUrl,
    },
    time.now,
  );
  // A token request takes no time on the skipping clock (see SkippingTime).
  const tokenProvider: TokenProvider = {
    getAccessToken: (account, request) => time.hold(() => refreshing.getAccessToken(account, request)),
  };
  const random = createRandom(randomSeed ?? 7);
  const syncOptions: Partial<GmailSyncOptions> = {
    rootUrl: `${emulator.url}/`,
    now: time.now,
    sleep: time.sleep,
    timeScale: emulatorOptions.timeScale ?? 1,
    ...sync,
  };
  const open = (): Engine => {
    let engine: Engine | null = null;
    engine = Engine.open({
      databasePath,
      clock: time.now,
      random: () => random.next(),
      tokenProvider,
      // Pause and cancel reach a running job at the next heartbeat: keep tests quick.
      heartbeatMs: heartbeatMs ?? 20,
      executors: {
        fetch_messages: (context) =>
          fetchMessagesExecutor(engineServicesForTests(engine!), syncOptions)(context),
        sync_history: (context) => syncHistoryExecutor(engineServicesForTests(engine!), syncOptions)(context),
      },
    });
    return engine;
  };
  const bench: SyncBench = {
    emulator,
    time,
    dir,
    databasePath,
    vaultPath,
    engine: open(),
    accountId: 0,
    async reopen() {
      await bench.engine.close();
      bench.engine = open();
      return bench.engine;
    },
    async runQueue() {
      await bench.engine.runner.runUntilIdle({ maxWaitMs: 3_600_000, sleep: time.skip });
    },
    async runJob(type, metadata = {}) {
      const job = engineServicesForTests(bench.engine).jobs.createJob({
        type,
        accountId: bench.accountId,
        metadata,
      });
      await bench.runQueue();
      return engineServicesForTests(bench.engine).jobs.getJob(job.id);
    },
    async close() {
      await bench.engine.close();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  bench.accountId = engineServicesForTests(bench.engine).accounts.createAccount({
    address: emulator.user,
    provider: 'gmail',
    ...(settings === undefined ? {} : { settings }),
  }).id;
  return bench;
}

export interface MessageState {
  threadId: string;
  labels: string[];
}

/** The cache as id → thread and labels. */
export function cacheState(engine: Engine, accountId: number): Map<string, MessageState> {
  const state = new Map<string, MessageState>();
  for (const message of engineServicesForTests(engine).messages.iterateMessages({ accountId })) {
    state.set(message.providerId!, {
      threadId: message.providerThreadId ?? '',
      labels: [...message.labels].sort(),
    });
  }
  return state;
}

/** The mailbox as the cache should hold it: spam and trash left out unless included. */
export function mailboxState(emulator: RunningEmulator, includeSpamTrash = false): Map<string, MessageState> {
  const state = new Map<string, MessageState>();
  for (const message of emulator.mailbox.sortedMessages()) {
    if (!includeSpamTrash && message.labelIds.some((l) => l === 'SPAM' || l === 'TRASH')) continue;
    state.set(message.id, { threadId: message.threadId, labels: [...message.labelIds].sort() });
  }
  return state;
}

/** Row count against distinct ids: a duplicate would make them differ. */
export function storedRows(engine: Engine, accountId: number): { rows: number; distinct: number } {
  const row = engineServicesForTests(engine)
    .store.db.prepare(
      'SELECT COUNT(*) AS rows, COUNT(DISTINCT provider_id) AS distinct_ids FROM message_cache WHERE account_id = ?',
    )
    .get(accountId) as { rows: number; distinct_ids: number };
  return { rows: row.rows, distinct: row.distinct_ids };
}
