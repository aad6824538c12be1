/**
 * The one description of the API (docs/architecture.md "The call path"). The preload, the main-process
 * router, the worker protocol, the browser bridge and the renderer client are all derived from
 * this object, so a method is added here and nowhere else.
 */
import { z } from 'zod';
import type { AnalyticsCacheStats, CacheStats, DrilldownPage, ReportEnvelope } from './analytics-types.ts';
import { type BriefEnvelope, DIGEST_FORMATS, type Digest } from './brief-types.ts';
import type { Account, Job, JobType } from './domain.ts';
import { JOB_STATUSES, JOB_TYPES, QUOTA_PROFILE_SETTINGS, RANGE_ANCHORS, RANGE_PRESETS } from './domain.ts';
import { BriefError, type ERROR_CODES } from './errors.ts';
import type { EventName, Events } from './events.ts';
import type { MethodName } from './method-names.ts';

export { EVENT_NAMES, type EventName, type Events, isEventName } from './events.ts';
export { isMethodName, METHOD_NAMES, type MethodName } from './method-names.ts';

/**
 * A method the host answers: the desktop shell (electron/main), or the bridge of `brief serve`,
 * rather than the engine alone. The engine, the main process and the bridge route by this mark.
 */
export type HostMark =
  /** Only a host with the means (a system browser, a save dialog) answers it; anywhere else it is refused with `elsewhere`. */
  | { answers: 'host'; elsewhere: string }
  /** The engine does the work and the host adds its part (the token in its vault), so a host answers it through itself. */
  | { answers: 'engine-and-host' };

/** A method: its argument schema, (as a phantom type) its result, and whether the host answers it. */
interface MethodSpec<A extends z.ZodType, R, H extends HostMark | undefined = HostMark | undefined> {
  args: A;
  result: R;
  host: H;
}
function method<R>() {
  return <A extends z.ZodType, const H extends HostMark | undefined = undefined>(
    args: A,
    host?: H,
  ): MethodSpec<A, R, H> => ({ args, result: undefined as R, host: host as H });
}

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** An e-mail address as given; the engine compares and stores addresses in lower case. */
export const address = z
  .string()
  .trim()
  .min(3)
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+$/, 'Enter an e-mail address such as name@example.com.');
const accountRef = z.union([id, z.literal('all')]);
// z.iso checks the calendar too: 2026-02-30 is refused, not moved to March.
const isoDate = z.iso.date({ error: 'Dates are real calendar days written YYYY-MM-DD, such as 2026-02-28' });
const isoInstant = z.iso.datetime({
  offset: true,
  error: 'Times are ISO 8601 on a real calendar day, with Z or an offset, such as 2026-11-29T12:00:00Z',
});
const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Use an IANA time zone such as Europe/London or America/New_York.');
export const rangeSchema = z.union([
  // A custom range is fixed local days: only presets count back from an anchor.
  z.object({ preset: z.enum(RANGE_PRESETS), anchor: z.enum(RANGE_ANCHORS).optional() }).strict(),
  z.object({ from: isoDate, to: isoDate }).strict(),
]);
/** Which Brief: one account or all, in a zone, now (or as of an instant), counted back as the dashboard's ranges are. */
const briefRequest = z
  .object({
    account: accountRef,
    timeZone: timeZone.optional(),
    asOf: isoInstant.optional(),
    anchor: z.enum(RANGE_ANCHORS).optional(),
  })
  .strict();
const workingHours = z
  .object({
    days: z.array(z.number().int().min(1).max(7)).max(7),
    startMinute: z.number().int().min(0).max(1440),
    endMinute: z.number().int().min(0).max(1440),
  })
  .strict()
  .refine((hours) => hours.startMinute < hours.endMinute, {
    message: 'working hours must start before they end',
  })
  .refine((hours) => new Set(hours.days).size === hours.days.length, {
    message: 'each weekday at most once',
  });
/** An account's settings (the defaults are DEFAULT_ACCOUNT_SETTINGS in domain.ts). */
export const accountSettingsSchema = z
  .object({
    quotaProfile: z.enum(QUOTA_PROFILE_SETTINGS),
    includeSpamTrash: z.boolean(),
    keepRawData: z.boolean(),
    workingHours,
  })
  .strict();
const accountSettingsPatch = accountSettingsSchema.partial();
const jobFilter = z
  .object({
    status: z.enum(JOB_STATUSES).optional(),
    type: z.enum(JOB_TYPES).optional(),
    accountId: id.optional(),
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).max(1_000_000_000).optional(),
  })
  .strict();
const jobRef = z.object({ jobId: id }).strict();
/** One view of the analytics: the report's range and zone (a `compute_analytics` job's metadata holds one). */
const reportRequest = z
  .object({
    account: accountRef,
    range: rangeSchema,
    timeZone: timeZone.optional(),
    asOf: isoInstant.optional(),
  })
  .strict();
export const analyticsViewSchema = reportRequest.pick({ range: true, timeZone: true });
/**
 * The jobs a caller queues by their type: the others start through `sync.start` (which picks a
 * first or an incremental sync, for a Gmail account) and `import.start` (which checks the paths).
 */
export const CREATABLE_JOB_TYPES = [
  'compute_analytics',
  'warm_cache',
  'cleanup',
] as const satisfies readonly JobType[];
const jobToCreate = z.discriminatedUnion(
  'type',
  [
    z
      .object({ type: z.literal('compute_analytics'), accountId: id, view: analyticsViewSchema.optional() })
      .strict(),
    z.object({ type: z.literal('warm_cache'), accountId: id }).strict(),
    z.object({ type: z.literal('cleanup') }).strict(),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union'
        ? `use ${CREATABLE_JOB_TYPES.join(', ')}; a sync starts with sync.start and an import with import.start`
        : undefined,
  },
);
/** What a worker outside the engine reports on a job it holds (the HTTP API's PATCH). */
const jobProgress = z
  .object({
    jobId: id,
    progress: z
      .object({
        current: z.number().int().min(0),
        total: z.number().int().min(0).nullable().optional(),
        step: z.string().max(500).optional(),
      })
      .strict(),
  })
  .strict();
const accountOnly = z.object({ accountId: id }).strict();
const none = z.object({}).strict();

/** Figures whose cells and rows can be opened (drill-down); key formats in electron/engine/analytics DRILLDOWN_KEYS. */
export const FIGURES = [
  'coverage',
  'volume',
  'busiestTimes',
  'topSenders',
  'topRecipients',
  'topDomains',
  'responseTime',
  'workingHours',
  'afterHours',
  'awaiting',
  'threads',
  'newsletters',
  'labels',
  'bytesBySender',
  'relationships',
  'goingQuiet',
  'network',
] as const;
export type Figure = (typeof FIGURES)[number];

export const appSettingsSchema = z
  .object({
    syncIntervalMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    quietHours: z
      .object({
        enabled: z.boolean(),
        startMinute: z.number().int().min(0).max(1439),
        endMinute: z.number().int().min(0).max(1439),
      })
      .strict(),
    keepSyncingInTray: z.boolean(),
    launchAtLogin: z.boolean(),
    timeZone: timeZone.nullable(),
    retentionDays: z.number().int().min(1).max(36500).nullable(),
    theme: z.enum(['system', 'light', 'dark']),
    /** The tray's morning brief: at a local minute of the chosen ISO weekdays (Monday = 1). */
    morningBrief: z
      .object({
        enabled: z.boolean(),
        minute: z.number().int().min(0).max(1439),
        days: z.array(z.number().int().min(1).max(7)).max(7),
      })
      .strict(),
  })
  .strict();
export type AppSettings = z.infer<typeof appSettingsSchema>;

export const methods = {
  'app.info': method<{
    version: string;
    databasePath: string;
    engine: 'worker' | 'in-process';
    /** Set when the database was found damaged at start: it was set aside there and the cache is being rebuilt. */
    storeRecovery: { setAsidePath: string; reason: string; at: string } | null;
  }>()(none),
  'accounts.list': method<Account[]>()(none),
  'accounts.get': method<Account>()(accountOnly),
  'accounts.addAlias': method<Account>()(z.object({ accountId: id, address }).strict()),
  'accounts.removeAlias': method<Account>()(z.object({ accountId: id, address }).strict()),
  'accounts.suggestAliases': method<Array<{ address: string; count: number }>>()(accountOnly),
  'accounts.updateSettings': method<Account>()(
    z.object({ accountId: id, settings: accountSettingsPatch }).strict(),
  ),
  /** Forgets the account's data (the engine), then its refresh token in the host's vault. */
  'accounts.forget': method<{ accountId: number; forgotten: true }>()(accountOnly, {
    answers: 'engine-and-host',
  }),
  /** Creates (or finds) the Gmail account for an address whose refresh token the caller's vault holds, and queues its first sync. */
  'accounts.registerGmail': method<Account>()(z.object({ address }).strict()),
  /** Signs in with Google in the system browser and registers the account (the desktop shell, or the bridge on this machine). */
  'accounts.connectGmail': method<Account>()(none, {
    answers: 'host',
    elsewhere: 'Connect Gmail from the 360Brief desktop app, or run `brief connect` in a terminal.',
  }),
  'jobs.list': method<{ jobs: Job[]; total: number }>()(jobFilter),
  'jobs.get': method<Job>()(jobRef),
  'jobs.retry': method<Job>()(jobRef),
  'jobs.cancel': method<Job>()(jobRef),
  'jobs.pause': method<Job>()(jobRef),
  'jobs.resume': method<Job>()(jobRef),
  /** Queues a job of a type that needs no more checks than its schema's (CREATABLE_JOB_TYPES) and wakes the runner. */
  'jobs.create': method<Job>()(jobToCreate),
  /** A worker's progress on a job it runs: only for a caller holding the service credential (SERVICE_METHODS). */
  'jobs.reportProgress': method<Job>()(jobProgress),
  'import.start': method<Job>()(
    z
      .object({
        paths: z.array(z.string().min(1).max(4096)).min(1).max(1000),
        account: address,
        aliases: z.array(address).max(100).optional(),
      })
      .strict(),
  ),
  /** Opens the system's file chooser for mail to import (the desktop shell); no paths when cancelled. */
  'import.choosePaths': method<{ paths: string[] }>()(z.object({ folders: z.boolean() }).strict(), {
    answers: 'host',
    elsewhere:
      'Choosing files needs the 360Brief desktop app: type the paths, or drop the files on the page.',
  }),
  'demo.create': method<{ account: Account; job: Job }>()(
    z
      .object({
        messages: z.number().int().min(100).max(1_000_000).optional(),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31)
          .optional(),
      })
      .strict(),
  ),
  /** Queues an incremental sync (a first sync when the account has never synced); CONFLICT when one is queued or running. */
  'sync.start': method<Job>()(accountOnly),
  'analytics.report': method<ReportEnvelope>()(reportRequest),
  /** The report when the analytics cache holds it (fresh, or stale and being refreshed), else null: nothing is computed. */
  'analytics.cached': method<ReportEnvelope | null>()(reportRequest.omit({ asOf: true })),
  'analytics.drilldown': method<DrilldownPage>()(
    z
      .object({
        account: accountRef,
        range: rangeSchema,
        timeZone: timeZone.optional(),
        asOf: isoInstant.optional(),
        figure: z.enum(FIGURES),
        /** Which cell or row: a string key, or a pair of addresses for a network edge. */
        key: z.union([
          z.string().min(1).max(1024),
          z.tuple([z.string().min(1).max(320), z.string().min(1).max(320)]),
        ]),
        direction: z.enum(['sent', 'received']).optional(),
        page: z.number().int().min(0).max(100_000).optional(),
        pageSize: z.number().int().min(1).max(500).optional(),
      })
      .strict(),
  ),
  'analytics.cacheStats': method<AnalyticsCacheStats>()(none),
  /**
   * The Brief (docs/metrics.md "The Brief"), through the analytics cache; "new since the last
   * brief" from the stored marks.
   */
  'brief.get': method<BriefEnvelope>()(briefRequest),
  /** Delivers the Brief: each of its accounts remembers the threads it lists as waiting on you (the last brief). */
  'brief.markSeen': method<{ seenAt: string; accounts: number; threads: number }>()(briefRequest),
  /** The Brief as a file: plain text, one self-contained HTML page, or JSON. */
  'brief.digest': method<Digest>()(briefRequest.extend({ format: z.enum(DIGEST_FORMATS) }).strict()),
  /** Saves the HTML digest where the person chooses (a save dialog of the desktop shell); no path when cancelled. */
  'brief.saveDigest': method<{ path: string | null }>()(briefRequest, {
    answers: 'host',
    elsewhere:
      'Saving goes through the desktop app; in a browser the dashboard downloads the file, and `brief digest --format html --out FILE` writes it from a terminal.',
  }),
  'messages.stats': method<CacheStats>()(z.object({ accountId: id.optional() }).strict()),
  /** Writes logs, job history and cache statistics, tokens and addresses removed (the desktop shell). */
  'diagnostics.export': method<{ path: string | null }>()(none, {
    answers: 'host',
    elsewhere:
      "Only the 360Brief desktop app writes a diagnostics file; the logs it would hold are in the logs folder beside 360Brief's database.",
  }),
  'settings.get': method<AppSettings>()(none),
  'settings.update': method<AppSettings>()(appSettingsSchema.partial().strict()),
} as const satisfies Record<MethodName, MethodSpec<z.ZodType, unknown>>;

export type Methods = typeof methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = Methods[M]['result'];

/**
 * Methods the engine answers only for a caller that holds the service credential (the token
 * `brief serve` prints for workers outside the app): `engine.call` refuses them with this
 * sentence, so neither the dashboard, the IPC nor the bridge's /rpc reaches them; the HTTP API
 * checks the token and calls `engine.callAsService`.
 */
export const SERVICE_METHODS = {
  'jobs.reportProgress':
    'Progress can only be reported with the service token printed when `brief serve` started.',
} as const satisfies Partial<Record<MethodName, string>>;
export type ServiceMethodName = keyof typeof SERVICE_METHODS;
export function isServiceMethod(name: MethodName): name is ServiceMethodName {
  return Object.hasOwn(SERVICE_METHODS, name);
}

/** The methods a host answers (HostMark); the rest only the engine. */
export type HostMethodName = {
  [M in MethodName]: Methods[M]['host'] extends HostMark ? M : never;
}[MethodName];
/** The methods only a host with the means answers: the engine has no handler for them. */
export type HostOnlyMethodName = {
  [M in MethodName]: Methods[M]['host'] extends { answers: 'host' } ? M : never;
}[MethodName];
/** The methods the engine answers (a host may add its part to some: HostMark 'engine-and-host'). */
export type EngineMethodName = Exclude<MethodName, HostOnlyMethodName>;

export function isHostMethod(name: MethodName): name is HostMethodName {
  return methods[name].host !== undefined;
}
export function isHostOnlyMethod(name: MethodName): name is HostOnlyMethodName {
  return methods[name].host?.answers === 'host';
}
export const HOST_METHOD_NAMES = (Object.keys(methods) as MethodName[]).filter(isHostMethod);

/** What the engine (or a host without the means) answers for a host-only method: the contract's sentence. */
export function hostOnlyRefusal(name: HostOnlyMethodName): BriefError {
  return new BriefError('UNSUPPORTED_INPUT', methods[name].host.elsewhere);
}

/** A host's table: an answer for every method the contract marks for the host (the compiler checks it is whole). */
export type HostAnswers = {
  [M in HostMethodName]: (args: z.output<Methods[M]['args']>) => Promise<MethodResult<M>>;
};

/** What every call answers: a result or a typed error, never a stack trace. */
export type CallOutcome<R> =
  | { ok: true; value: R }
  | { ok: false; error: { code: (typeof ERROR_CODES)[number]; message: string } };

/**
 * A door that validates what it is given against the contract itself (the Engine, the worker
 * host): what a boundary holding unparsed arguments calls (the IPC router, the worker protocol,
 * the bridge's JSON), without casting them to one method's type.
 */
export interface ValidatingCaller {
  call(name: MethodName, args: unknown): Promise<unknown>;
}

/** The client shape the renderer, the CLI and tests use. */
export type BriefApi = {
  call<M extends MethodName>(name: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(name: E, listener: (payload: Events[E]) => void): () => void;
};
