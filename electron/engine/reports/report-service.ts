/**
 * Reports through the analytics cache, stale-while-revalidate (ARCHITECTURE.md "Analytics
 * cache"): a cached value answers at once — marked stale when the data version moved or the TTL
 * passed — and a fresh one is computed in the background and announced as `analytics-updated`.
 * A miss computes and answers (it is fast). A report asked "as of" an explicit instant is exact
 * to that instant, so it bypasses the cache, whose keys hold the as-of local date.
 */
import { createHash } from 'node:crypto';
import type { ReportEnvelope } from '../../../shared/analytics-types.ts';
import { BriefError } from '../../../shared/errors.ts';
import { REPORT_FORMAT } from '../../../shared/report-types.ts';
import { parseCall } from '../../../shared/validate.ts';
import {
  type AnalyticsMessage,
  computeReport,
  type Dataset,
  type DrilldownPage,
  type DrilldownRequest,
  datasetForRange,
  drilldown,
  loadAnalyticsMessages,
  loadReportAccounts,
  prepareDataset,
  type ReportInput,
  reportOf,
} from '../analytics/index.ts';
import { analyticsKey, combinedDataVersion } from '../cache/analytics-key.ts';
import type { EngineServices } from '../engine.ts';
import { cacheRange, type ReportRange, rangeAnchor, rangeSpec, WARM_RANGES } from './report-range.ts';

export type ReportAccountRef = number | 'all';

export interface ReportRequest {
  account: ReportAccountRef;
  range: ReportRange;
  timeZone?: string;
  /** ISO instant; absent = now. */
  asOf?: string;
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function localDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/** One preparation and what it was made from: the loaded messages (by identity) and the rest of the input but the range. */
interface SharedPreparation {
  messages: AnalyticsMessage[];
  context: string;
  data: Dataset;
  /**
   * The views computed from it, by figure set and range: with one account, "all" is the same
   * input as the account itself, so its views are the same values, computed once.
   */
  views: Map<string, unknown>;
}

export class ReportService {
  readonly #services: EngineServices;
  readonly #refreshing = new Set<string>();
  /**
   * The last loaded message sets, keyed by accounts and their data versions: warming computes
   * eight views in a row and the dashboard moves between ranges, and reading the store is most
   * of a report's cost. A write bumps the data version, so a stale set is never reused.
   */
  readonly #loaded = new Map<string, AnalyticsMessage[]>();
  /**
   * While warming, the views of one account set share one preparation of its messages (only the
   * range differs between them); null otherwise, so no prepared mailbox outlives its warming.
   */
  #shared: SharedPreparation | null = null;
  #sharing = false;

  constructor(services: EngineServices) {
    this.#services = services;
  }

  /** The report through the cache (see the file comment). */
  report(request: ReportRequest): ReportEnvelope {
    const timeZone = this.zone(request);
    if (request.asOf !== undefined) {
      const input = this.input(request.account, request.range, timeZone, Date.parse(request.asOf));
      return {
        report: computeReport(input),
        stale: false,
        fromCache: false,
        computedAt: new Date(this.#services.clock()).toISOString(),
        cacheKey: '',
      };
    }
    const asOf = this.#services.clock();
    const { key, version } = this.keyAndVersion(request.account, request.range, timeZone, asOf);
    return (
      this.#fromCache(request, timeZone, asOf, key, version) ??
      this.#computeAndStore(request.account, request.range, timeZone, asOf, key, version)
    );
  }

  /** The cached report when there is one (fresh or stale, refreshed in the background), else null. */
  cached(request: ReportRequest): ReportEnvelope | null {
    const parsed = parseCall('analytics.report', request).args as ReportRequest;
    const timeZone = this.zone(parsed);
    const asOf = this.#services.clock();
    const { key, version } = this.keyAndVersion(parsed.account, parsed.range, timeZone, asOf);
    return this.#fromCache(parsed, timeZone, asOf, key, version);
  }

  /** The request's zone, else the app setting's, else the system's. */
  zone(request: { timeZone?: string | undefined }): string {
    return request.timeZone ?? this.#services.appSettings.get().timeZone ?? systemTimeZone();
  }

  #fromCache(
    request: ReportRequest,
    timeZone: string,
    asOf: number,
    key: string,
    version: string,
  ): ReportEnvelope | null {
    const cached = this.#services.analyticsCache.get<ReportEnvelope['report']>(key, version, asOf);
    if (!cached) return null;
    if (cached.stale) {
      this.refreshLater(key, request.account, () => {
        const now = this.#services.clock();
        const fresh = this.keyAndVersion(request.account, request.range, timeZone, now);
        this.#computeAndStore(request.account, request.range, timeZone, now, fresh.key, fresh.version);
        return fresh.key;
      });
    }
    return {
      report: cached.value,
      stale: cached.stale,
      fromCache: true,
      computedAt: new Date(asOf).toISOString(),
      cacheKey: key,
    };
  }

  drilldown(request: ReportRequest & DrilldownRequest): DrilldownPage {
    const timeZone = this.zone(request);
    const asOf = request.asOf === undefined ? this.#services.clock() : Date.parse(request.asOf);
    const { account, range, timeZone: _zone, asOf: _asOf, ...target } = request;
    return drilldown(this.input(account, range, timeZone, asOf), target);
  }

  /**
   * Computes the common views so the dashboard opens from the cache (after every sync and import),
   * all as of one instant so they can share one preparation (see `sharingPreparation`).
   */
  warm(accountId: number, asOf = this.#services.clock()): number {
    const timeZone = this.zone({});
    let warmed = 0;
    for (const account of [accountId, 'all'] as const) {
      for (const range of WARM_RANGES) {
        const { key, version } = this.keyAndVersion(account, range, timeZone, asOf);
        this.#computeAndStore(account, range, timeZone, asOf, key, version);
        this.#services.events.emit('analytics-updated', { key, account });
        warmed += 1;
      }
    }
    return warmed;
  }

  #computeAndStore(
    account: ReportAccountRef,
    range: ReportRange,
    timeZone: string,
    asOf: number,
    key: string,
    version: string,
  ): ReportEnvelope {
    const started = performance.now();
    const report = this.view(account, range, timeZone, asOf, 'report', reportOf);
    const took = performance.now() - started;
    this.#services.analyticsCache.set(key, report, version, took);
    // An `auto` report is also the answer for the anchor it chose: one computation, both keys.
    if (rangeAnchor(range) === 'auto' && 'preset' in range) {
      const chosen = { preset: range.preset, anchor: report.range.anchor };
      const alias = this.keyAndVersion(account, chosen, timeZone, asOf).key;
      if (alias !== key) this.#services.analyticsCache.set(alias, report, version, took);
    }
    return {
      report,
      stale: false,
      fromCache: false,
      computedAt: new Date(asOf).toISOString(),
      cacheKey: key,
    };
  }

  /**
   * Recomputes a stale cache entry after the current call has answered, once at a time per key, and
   * announces the fresh key as `analytics-updated`. `recompute` stores the fresh value and returns its key.
   */
  refreshLater(key: string, account: ReportAccountRef, recompute: () => string): void {
    if (this.#refreshing.has(key)) return;
    this.#refreshing.add(key);
    setImmediate(() => {
      try {
        this.#services.events.emit('analytics-updated', { key: recompute(), account });
      } catch (error) {
        this.#services.logger.warn('background analytics refresh failed', { key, error });
      } finally {
        this.#refreshing.delete(key);
      }
    });
  }

  accountIds(account: ReportAccountRef): number[] {
    if (account === 'all') return this.#services.accounts.listAccounts().map((row) => row.id);
    this.#services.accounts.getAccount(account);
    return [account];
  }

  #messages(ids: number[], accounts: ReadonlyArray<{ id: number; dataVersion: number }>): AnalyticsMessage[] {
    const key = combinedDataVersion(accounts);
    const cached = this.#loaded.get(key);
    if (cached) return cached;
    const messages = loadAnalyticsMessages(this.#services.store, ids);
    this.#loaded.set(key, messages);
    // Two sets at most: one account and "all" while warming.
    while (this.#loaded.size > 2) this.#loaded.delete(this.#loaded.keys().next().value!);
    return messages;
  }

  /** The cache key of a figure set (the report by default) for these accounts, and their data version. */
  keyAndVersion(
    account: ReportAccountRef,
    range: ReportRange,
    timeZone: string,
    asOf: number,
    figureSet = `report-${REPORT_FORMAT}`,
  ): { key: string; version: string } {
    const accounts = this.accountIds(account).map((id) => this.#services.accounts.getAccount(id));
    const settings = accounts.map((row) => [
      row.id,
      row.settings.workingHours,
      row.settings.includeSpamTrash,
    ]);
    const settingsHash = createHash('sha1').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
    const key = analyticsKey({
      account,
      figureSet,
      range: cacheRange(range),
      asOf: localDate(asOf, timeZone),
      timeZone,
      settingsHash,
    });
    const version =
      account === 'all' ? combinedDataVersion(accounts) || 'none' : String(accounts[0]!.dataVersion);
    return { key, version };
  }

  /** Runs `work` with the views it computes for one account set and instant sharing one preparation. */
  sharingPreparation<T>(work: () => T): T {
    this.#sharing = true;
    try {
      return work();
    } finally {
      this.#sharing = false;
      this.#shared = null;
    }
  }

  /**
   * One view (`figures` names what `compute` makes of the prepared messages): while sharing, from
   * the account set's one preparation, and computed once per range for an identical input.
   */
  view<T>(
    account: ReportAccountRef,
    range: ReportRange,
    timeZone: string,
    asOf: number,
    figures: string,
    compute: (data: Dataset) => T,
  ): T {
    const input = this.input(account, range, timeZone, asOf);
    if (!this.#sharing) return compute(prepareDataset(input));
    const { messages, range: spec, anchor, ...rest } = input;
    const context = JSON.stringify(rest);
    let shared = this.#shared;
    if (shared === null || shared.messages !== messages || shared.context !== context) {
      shared = { messages, context, data: prepareDataset(input), views: new Map() };
      this.#shared = shared;
    }
    const name = `${figures}|${spec}|${anchor ?? ''}`;
    if (shared.views.has(name)) return shared.views.get(name) as T;
    const value = compute(datasetForRange(shared.data, spec, anchor));
    shared.views.set(name, value);
    return value;
  }

  /** The analytics input of a request: its accounts' messages (loaded once per data version) and settings. */
  input(account: ReportAccountRef, range: ReportRange, timeZone: string, asOf: number): ReportInput {
    if (!Number.isFinite(asOf))
      throw new BriefError('VALIDATION', 'The as-of time is not a valid ISO instant.');
    const ids = this.accountIds(account);
    const accounts = ids.map((id) => this.#services.accounts.getAccount(id));
    const first = accounts[0];
    const single = account === 'all' ? null : first;
    return {
      messages: this.#messages(ids, accounts),
      accounts: loadReportAccounts(this.#services.store, ids),
      timeZone,
      asOf,
      range: rangeSpec(range),
      anchor: rangeAnchor(range),
      workingHours: (single ?? first)?.settings.workingHours,
      countSpamTrash: (single ?? first)?.settings.includeSpamTrash ?? false,
      // One stored derivation time for all the accounts, or re-derive for the report.
      threadsDerivedAsOf: accounts.every((row) => row.derivedAsOf === first?.derivedAsOf)
        ? (first?.derivedAsOf ?? null)
        : null,
    };
  }
}
