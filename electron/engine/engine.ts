/**
 * The engine: one open store, its services, the job runner, and the contract's handlers. It runs
 * in a worker thread in the app and in-process in the CLI and tests; either way every call is
 * validated against the contract and answers a result or a typed BriefError.
 */
import { randomUUID } from 'node:crypto';
import {
  type EventName,
  type Events,
  hostOnlyRefusal,
  isHostOnlyMethod,
  isServiceMethod,
  type MethodArgs,
  type MethodName,
  type MethodResult,
  SERVICE_METHODS,
  type ServiceMethodName,
} from '../../shared/contract.ts';
import { BriefError } from '../../shared/errors.ts';
import { parseCall } from '../../shared/validate.ts';
import type { TokenProvider } from './auth/token-provider.ts';
import { AccountService } from './cache/account-service.ts';
import { AnalyticsCacheService } from './cache/analytics-cache-service.ts';
import { MessageCacheService } from './cache/message-cache-service.ts';
import { openDatabaseRecovering, type StoreRecovery } from './db/recover.ts';
import type { Store } from './db/store.ts';
import { rederiveAccount } from './derive-account.ts';
import { type AnyEventListener, EventBus } from './events.ts';
import { createHandlers, type Handlers } from './handlers/index.ts';
import { scheduleDailyCleanup } from './housekeeping/daily-cleanup.ts';
import { JobService } from './jobs/job-service.ts';
import { createMemoryLogger, type Logger } from './log.ts';
import { BriefService } from './reports/brief-service.ts';
import { ReportService } from './reports/report-service.ts';
import { createExecutors } from './runner/executors.ts';
import { type JobExecutors, JobRunner } from './runner/job-runner.ts';
import { AppSettingsService } from './settings/app-settings.ts';
import type { GmailSyncOptions } from './sources/gmail/index.ts';

export interface EngineOptions {
  databasePath: string;
  /** Refuse (NOT_FOUND) rather than create a database that is not there: read-only commands. */
  mustExist?: boolean;
  /** The path is the app's own database, not one named by --db or BRIEF_DB (see db/open.ts). */
  appOwnsPath?: boolean;
  clock?: () => number;
  /** Seeded in tests so backoff jitter and generated data reproduce. */
  random?: () => number;
  logger?: Logger;
  tokenProvider?: TokenProvider;
  /** 'worker' in the app; 'in-process' in the CLI and tests. */
  mode?: 'worker' | 'in-process';
  /** Replaces or adds job executors (tests). */
  executors?: JobExecutors;
  runnerConcurrency?: number;
  /** Gmail endpoint and pacing (the emulator in tests and development). */
  gmailSync?: Partial<GmailSyncOptions>;
  heartbeatMs?: number;
  /**
   * The job runner's id; by default a new one per engine. The app's worker host gives every worker
   * it starts the same one, so a worker restarted after a crash takes back its predecessor's jobs.
   */
  runnerId?: string;
  /**
   * The analytics worker's entry (analytics-worker.ts): reports and warming are computed there,
   * off the thread that answers calls (the app, `brief serve`); absent = on it (one-shot commands, tests).
   */
  analyticsWorker?: URL | string;
}

/** Everything a handler or executor may use. */
export interface EngineServices {
  store: Store;
  /** Set when the database was damaged at start, set aside and replaced by a fresh one. */
  recovery: StoreRecovery | null;
  clock: () => number;
  random: () => number;
  logger: Logger;
  events: EventBus;
  jobs: JobService;
  accounts: AccountService;
  messages: MessageCacheService;
  analyticsCache: AnalyticsCacheService;
  appSettings: AppSettingsService;
  tokenProvider: TokenProvider | null;
  mode: 'worker' | 'in-process';
  version: string;
  /** Wakes the runner after a job was created. */
  pokeRunner(): void;
  /** Recomputes the account's derivations (direction, echo, threads) from its stored facts. */
  rederive(accountId: number): void;
  /** Computes the common views of the account (and "all"), and their Briefs, into the analytics cache; resolves how many. */
  warmAnalytics(accountId: number): Promise<number>;
  reports: ReportService;
  briefs: BriefService;
}

export const ENGINE_VERSION = '0.1.0';

/** Set in Engine's static block: the one reader of an engine's private services (servicesOfEngine). */
let readServices: (engine: Engine) => EngineServices;

export class Engine {
  /** Private: callers go through the contract (`call`); tests through electron/engine/testing.ts. */
  readonly #services: EngineServices;
  readonly runner: JobRunner;
  readonly #handlers: Handlers;
  #closed = false;
  #stopHousekeeping: (() => void) | null = null;

  static {
    readServices = (engine) => engine.#services;
  }

  private constructor(services: EngineServices, runner: JobRunner, handlers: Handlers) {
    this.#services = services;
    this.runner = runner;
    this.#handlers = handlers;
  }

  static open(options: EngineOptions): Engine {
    const clock = options.clock ?? Date.now;
    const logger = options.logger ?? createMemoryLogger();
    const { store, recovery } = openDatabaseRecovering(options.databasePath, {
      clock,
      logger,
      mustExist: options.mustExist ?? false,
      appOwnsPath: options.appOwnsPath ?? false,
    });
    const events = new EventBus();
    const workerId = options.runnerId ?? `engine-${randomUUID()}`;
    // What this engine queues is reserved for its own runner (another process may share the file).
    const jobs = new JobService(store, { random: options.random ?? Math.random, owner: workerId });
    let runner: JobRunner | null = null;
    const accounts = new AccountService(store);
    const messages = new MessageCacheService(store);
    const services: EngineServices = {
      store,
      recovery,
      clock,
      random: options.random ?? Math.random,
      logger,
      events,
      jobs,
      accounts,
      messages,
      analyticsCache: new AnalyticsCacheService(store),
      appSettings: new AppSettingsService(store),
      tokenProvider: options.tokenProvider ?? null,
      mode: options.mode ?? 'in-process',
      version: ENGINE_VERSION,
      pokeRunner: () => runner?.poke(),
      rederive: (accountId) => void rederiveAccount({ store, accounts, messages }, accountId, clock()),
      warmAnalytics: (accountId) => services.reports.warm(accountId),
      // Set just below: the report and brief services themselves read these services.
      reports: undefined as unknown as ReportService,
      briefs: undefined as unknown as BriefService,
    };
    services.reports = new ReportService(
      services,
      options.analyticsWorker ? { analyticsWorker: options.analyticsWorker } : {},
    );
    services.briefs = new BriefService(services, services.reports);
    jobs.onChange((job, change) => {
      if (change !== 'state' && change !== 'created') return;
      events.emit('job-state', {
        jobId: job.id,
        accountId: job.accountId,
        type: job.type,
        status: job.status,
        error: job.error,
      });
    });
    runner = new JobRunner({
      workerId,
      jobs,
      events,
      logger,
      clock,
      executors: {
        ...createExecutors(services, options.gmailSync),
        ...options.executors,
      },
      concurrency: options.runnerConcurrency ?? 2,
      freeSpace: () => {
        // Computed analytics can always be computed again; dropping them makes room on a full disk.
        services.analyticsCache.invalidate();
      },
      heartbeatMs: options.heartbeatMs ?? 1000,
    });
    return new Engine(services, runner, createHandlers(services, services.reports));
  }

  /**
   * Validates the arguments against the contract, then runs the method; a host-only or a service
   * method (shared/contract.ts HostMark, SERVICE_METHODS) is refused with the contract's sentence.
   */
  call<M extends MethodName>(name: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
    return this.#run(name, args, false);
  }

  /** A service method (SERVICE_METHODS), for a caller that has checked the service credential (the HTTP API). */
  callAsService<M extends ServiceMethodName>(name: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
    return this.#run(name, args, true);
  }

  async #run<M extends MethodName>(name: M, args: unknown, asService: boolean): Promise<MethodResult<M>> {
    if (this.#closed) throw new BriefError('INTERNAL', 'The engine is closed. Restart 360Brief.');
    const call = parseCall(name, args);
    if (isHostOnlyMethod(call.name)) throw hostOnlyRefusal(call.name);
    if (isServiceMethod(call.name) && !asService)
      throw new BriefError('UNSUPPORTED_INPUT', SERVICE_METHODS[call.name]);
    const handler = this.#handlers[call.name] as (args: unknown) => unknown;
    return (await handler(call.args)) as MethodResult<M>;
  }

  /** The app and `brief serve`: run queued jobs in the background and keep the store tidy daily. */
  startBackgroundWork(): void {
    this.runner.start();
    this.#stopHousekeeping ??= scheduleDailyCleanup(this.#services.jobs, this.#services.clock, () =>
      this.runner.poke(),
    );
  }

  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void {
    return this.#services.events.on(name, listener);
  }

  /** Every event, with its name (the worker thread forwards them all to the main thread). */
  onAnyEvent(listener: AnyEventListener): () => void {
    return this.#services.events.onAny(listener);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopHousekeeping?.();
    await this.runner.stop();
    await this.#services.reports.close();
    try {
      this.#services.jobs.dropReservations();
    } catch (error) {
      // Closing goes on: a reservation left behind runs out after one lease.
      this.#services.logger.warn('could not free job reservations', { error });
    }
    this.#services.store.close();
  }
}

/**
 * An engine's services, past the contract: for electron/engine/testing.ts alone, which tests and
 * the bench import (biome.json refuses this name to every other module).
 */
export function servicesOfEngine(engine: Engine): EngineServices {
  return readServices(engine);
}
