/**
 * Reports through the analytics cache, stale-while-revalidate (docs/architecture.md "The analytics
 * cache"): a cached value answers at once — marked stale when the data version moved or the TTL
 * passed — and a fresh one is computed in the background and announced as `analytics-updated`.
 * A miss computes and answers. A report asked "as of" an explicit instant is exact to that
 * instant, so it bypasses the cache, whose keys hold the as-of local date.
 *
 * Views are computed by a `ViewSource` (view-worker.ts): the analytics worker when the engine has
 * one (the app, `brief serve`), so the engine's thread keeps answering meanwhile; else this thread.
 */
import type { ReportEnvelope } from '../../../shared/analytics-types.ts';
import type { Brief } from '../../../shared/brief-types.ts';
import { BriefError } from '../../../shared/errors.ts';
import type { Report } from '../../../shared/report-types.ts';
import {
  type DrilldownPage,
  type DrilldownRequest,
  drilldown,
  loadReportAccounts,
  type ReportInput,
} from '../analytics/index.ts';
import { combinedDataVersion } from '../cache/analytics-key.ts';
import { followStoredRows } from '../cache/change-log.ts';
import type { EngineServices } from '../engine.ts';
import {
  cacheKeyOf,
  FIGURE_SETS,
  type ReportAccountRef,
  systemTimeZone,
  type ViewAt,
} from './report-keys.ts';
import { type ReportRange, rangeAnchor, rangeSpec } from './report-range.ts';

export { FIGURE_SETS, type ReportAccountRef, systemTimeZone, type ViewAt };

import { type ComputedView, ViewComputer, type ViewSet, type ViewSpec } from './view-computer.ts';
import { inThreadViews, type ViewSource, ViewWorker } from './view-worker.ts';
import { bySet, WarmPlan, type WarmView } from './warm-plan.ts';

export interface ReportRequest {
  account: ReportAccountRef;
  range: ReportRange;
  timeZone?: string;
  /** ISO instant; absent = now. */
  asOf?: string;
}

export interface ReportServiceOptions {
  /** The analytics worker's entry (analytics-worker.ts); absent = views computed on the engine's thread. */
  analyticsWorker?: URL | string;
}

function viewSpec(figures: ViewSpec['figures'], range: ReportRange): ViewSpec {
  return { figures, range: rangeSpec(range), anchor: rangeAnchor(range) };
}

export class ReportService {
  readonly #services: EngineServices;
  readonly #refreshing = new Set<string>();
  /** This thread's computer: drill-downs, and every view when there is no analytics worker. */
  readonly #local: ViewComputer;
  readonly #views: ViewSource;
  readonly #plan = new WarmPlan();

  constructor(services: EngineServices, options: ReportServiceOptions = {}) {
    this.#services = services;
    this.#local = new ViewComputer(services.store);
    this.#views = options.analyticsWorker
      ? new ViewWorker(options.analyticsWorker, services.store.path, services.logger)
      : inThreadViews(this.#local);
  }

  /** The report through the cache (see the file comment). */
  async report(request: ReportRequest): Promise<ReportEnvelope> {
    const timeZone = this.zone(request);
    if (request.asOf !== undefined) {
      const asOf = Date.parse(request.asOf);
      return {
        report: (await this.computeView({ ...request, timeZone, asOf }, 'report')) as Report,
        stale: false,
        fromCache: false,
        computedAt: new Date(this.#services.clock()).toISOString(),
        cacheKey: '',
      };
    }
    const asOf = this.#services.clock();
    const { key, version } = this.keyAndVersion(request.account, request.range, timeZone, asOf);
    this.asked({ account: request.account, figures: 'report', range: request.range });
    return (
      this.#fromCache(request, timeZone, asOf, key, version) ??
      (await this.#computeAndStore({ ...request, timeZone, asOf }, key, version))
    );
  }

  /** The cached report when there is one (fresh or stale, refreshed in the background), else null. */
  cached(request: ReportRequest): ReportEnvelope | null {
    // Checked once at the boundary: analytics.cached's schema is the report request's.
    const timeZone = this.zone(request);
    const asOf = this.#services.clock();
    const { key, version } = this.keyAndVersion(request.account, request.range, timeZone, asOf);
    return this.#fromCache(request, timeZone, asOf, key, version);
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
      this.refreshLater(key, request.account, async () => {
        const now = this.#services.clock();
        const fresh = this.keyAndVersion(request.account, request.range, timeZone, now);
        await this.#computeAndStore({ ...request, timeZone, asOf: now }, fresh.key, fresh.version);
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

  /** A drill-down, on this thread: one page of a figure's messages. */
  drilldown(request: ReportRequest & DrilldownRequest): DrilldownPage {
    const timeZone = this.zone(request);
    const asOf = request.asOf === undefined ? this.#services.clock() : Date.parse(request.asOf);
    const { account, range, timeZone: _zone, asOf: _asOf, ...target } = request;
    return drilldown(this.input(account, range, timeZone, asOf), target);
  }

  /**
   * Computes the common views of the account and of "all" (the dashboard's ranges and the Brief),
   * and the views asked for last, into the cache after every sync and import: one batch as of one
   * instant, so each account set is prepared once (view-computer.ts), in the order of warm-plan.ts
   * (what the dashboard has open first). Each stored view is announced as `analytics-updated`.
   */
  async warm(accountId: number, asOf = this.#services.clock()): Promise<number> {
    const timeZone = this.zone({});
    const groups = bySet(this.#plan.after(accountId));
    const keys = groups.map((group) =>
      group.map((view) =>
        this.keyAndVersion(view.account, view.range, timeZone, asOf, FIGURE_SETS[view.figures]),
      ),
    );
    const sets = groups.map((group) =>
      this.#viewSet(
        group[0]!.account,
        timeZone,
        asOf,
        group.map((view) => viewSpec(view.figures, view.range)),
      ),
    );
    let warmed = 0;
    // Each view is stored and announced as soon as it is computed: the first redraw need not wait for the last view.
    await this.#views.compute(sets, (set, index, computed) => {
      const { account, range } = groups[set]![index]!;
      const { key, version } = keys[set]![index]!;
      const at = { account, range, timeZone, asOf };
      this.#services.analyticsCache.setJson(key, computed.json, version, computed.ms);
      // The announced key is current: the dashboard's redraw need not wait for the alias (a second
      // 1.3 MB write at 1,000,000 messages). Until it is written the alias holds the older version,
      // which the cache answers as stale, never as current.
      this.#services.events.emit('analytics-updated', { key, account });
      this.#storeAlias(at, key, version, computed);
      warmed += 1;
    });
    return warmed;
  }

  /** Remembers a view asked for through the cache, so the warming after a change computes it first. */
  asked(view: WarmView): void {
    this.#plan.asked(view);
  }

  /** One view computed (no cache): a report or the Brief's sections. */
  async computeView(at: ViewAt, figures: ViewSpec['figures']): Promise<Report | Brief> {
    return JSON.parse((await this.#computeOne(at, figures)).json) as Report | Brief;
  }

  async #computeOne(at: ViewAt, figures: ViewSpec['figures']): Promise<ComputedView> {
    const set = this.#viewSet(at.account, at.timeZone, at.asOf, [viewSpec(figures, at.range)]);
    const [[view]] = (await this.#views.compute([set])) as [[ComputedView]];
    return view;
  }

  /** Computes a view and stores it under its key (an `auto` report also under the anchor it chose). */
  async storedView(
    at: ViewAt,
    figures: ViewSpec['figures'],
  ): Promise<{ key: string; value: Report | Brief }> {
    const { key, version } = this.keyAndVersion(
      at.account,
      at.range,
      at.timeZone,
      at.asOf,
      FIGURE_SETS[figures],
    );
    const view = await this.#computeOne(at, figures);
    this.#store(at, key, version, view);
    return { key, value: JSON.parse(view.json) as Report | Brief };
  }

  async #computeAndStore(at: ViewAt, key: string, version: string): Promise<ReportEnvelope> {
    const view = await this.#computeOne(at, 'report');
    this.#store(at, key, version, view);
    return {
      report: JSON.parse(view.json) as Report,
      stale: false,
      fromCache: false,
      computedAt: new Date(at.asOf).toISOString(),
      cacheKey: key,
    };
  }

  #store(at: ViewAt, key: string, version: string, view: ComputedView): void {
    this.#services.analyticsCache.setJson(key, view.json, version, view.ms);
    this.#storeAlias(at, key, version, view);
  }

  /** An `auto` report is also the answer for the anchor it chose: one computation, both keys. */
  #storeAlias(
    { account, range, timeZone, asOf }: ViewAt,
    key: string,
    version: string,
    view: ComputedView,
  ): void {
    if (rangeAnchor(range) === 'auto' && 'preset' in range && view.anchor !== null) {
      const alias = this.keyAndVersion(
        account,
        { preset: range.preset, anchor: view.anchor },
        timeZone,
        asOf,
      ).key;
      if (alias !== key) this.#services.analyticsCache.setJson(alias, view.json, version, view.ms);
    }
  }

  /**
   * Recomputes a stale cache entry after the current call has answered, once at a time per key, and
   * announces the fresh key as `analytics-updated`. `recompute` stores the fresh value and returns its key.
   */
  refreshLater(key: string, account: ReportAccountRef, recompute: () => Promise<string>): void {
    if (this.#refreshing.has(key)) return;
    this.#refreshing.add(key);
    setImmediate(() => {
      recompute()
        .then((fresh) => this.#services.events.emit('analytics-updated', { key: fresh, account }))
        .catch((error: unknown) =>
          this.#services.logger.warn('background analytics refresh failed', { key, error }),
        )
        .finally(() => this.#refreshing.delete(key));
    });
  }

  accountIds(account: ReportAccountRef): number[] {
    if (account === 'all') return this.#services.accounts.listAccounts().map((row) => row.id);
    this.#services.accounts.getAccount(account);
    return [account];
  }

  /** The cache key of a figure set (the report by default) for these accounts, and their data version. */
  keyAndVersion(
    account: ReportAccountRef,
    range: ReportRange,
    timeZone: string,
    asOf: number,
    figureSet: string = FIGURE_SETS.report,
  ): { key: string; version: string } {
    const accounts = this.accountIds(account).map((id) => this.#services.accounts.getAccount(id));
    return cacheKeyOf(accounts, { account, range, timeZone, asOf }, figureSet);
  }

  /** An account set's views as of an instant, with the settings and derivation time they are computed with. */
  #viewSet(account: ReportAccountRef, timeZone: string, asOf: number, views: ViewSpec[]): ViewSet {
    if (!Number.isFinite(asOf))
      throw new BriefError('VALIDATION', 'The as-of time is not a valid ISO instant.');
    // Every row stored so far is followed by the change log from now on, so the load these views
    // need (or the next one) starts from the loaded columns and reads only what changes.
    followStoredRows(this.#services.store);
    const ids = this.accountIds(account);
    const accounts = ids.map((id) => this.#services.accounts.getAccount(id));
    const first = accounts[0];
    const single = account === 'all' ? null : first;
    const workingHours = (single ?? first)?.settings.workingHours;
    return {
      ids,
      version: combinedDataVersion(accounts),
      timeZone,
      asOf,
      ...(workingHours ? { workingHours } : {}),
      countSpamTrash: (single ?? first)?.settings.includeSpamTrash ?? false,
      // One stored derivation time for all the accounts, or re-derive for the report.
      threadsDerivedAsOf: accounts.every((row) => row.derivedAsOf === first?.derivedAsOf)
        ? (first?.derivedAsOf ?? null)
        : null,
      views,
    };
  }

  /** The analytics input of a request, on this thread: its accounts' messages (loaded once per data version) and settings. */
  input(account: ReportAccountRef, range: ReportRange, timeZone: string, asOf: number): ReportInput {
    const { ids, version, views: _views, ...set } = this.#viewSet(account, timeZone, asOf, []);
    return {
      ...set,
      messages: this.#local.messages(ids, version),
      accounts: loadReportAccounts(this.#services.store, ids),
      range: rangeSpec(range),
      anchor: rangeAnchor(range),
    };
  }

  /** Stops the analytics worker, failing what it still had. */
  close(): Promise<void> {
    return this.#views.close();
  }
}
