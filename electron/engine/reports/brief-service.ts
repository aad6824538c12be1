/**
 * The Brief through the analytics cache, like every view (docs/analytics.md): its sections are
 * cached per accounts, zone, anchor and as-of local date, warmed after every sync and import, and
 * answered stale-while-revalidate. "New since the last brief" is applied on each answer from the
 * stored marks, so delivering a brief (`brief.markSeen`) never invalidates the cache.
 */
import type { Brief, BriefEnvelope } from '../../../shared/brief-types.ts';
import type { RangeAnchor } from '../../../shared/domain.ts';
import { BRIEF_RANGE } from '../analytics/brief/compute-brief.ts';
import { marksOf, withMarks } from '../analytics/brief/new-since.ts';
import { BriefMarkService } from '../cache/brief-marks.ts';
import type { EngineServices } from '../engine.ts';
import { FIGURE_SETS, type ReportAccountRef, type ReportService } from './report-service.ts';

export interface BriefRequest {
  account: ReportAccountRef;
  timeZone?: string;
  /** ISO instant; absent = now (through the cache). */
  asOf?: string;
  /** What the Brief's 30 days count back from; absent = `auto`, as the dashboard's ranges. */
  anchor?: RangeAnchor;
}

export class BriefService {
  readonly #services: EngineServices;
  readonly #reports: ReportService;
  readonly #marks: BriefMarkService;

  constructor(services: EngineServices, reports: ReportService) {
    this.#services = services;
    this.#reports = reports;
    this.#marks = new BriefMarkService(services.store);
  }

  /** The Brief with "new since the last brief" as of the stored marks. */
  async brief(request: BriefRequest): Promise<BriefEnvelope> {
    const envelope = await this.#sections(request);
    const ids = this.#reports.accountIds(request.account);
    return { ...envelope, brief: withMarks(envelope.brief, this.#marks.get(ids)) };
  }

  /** Delivers the Brief: each of its accounts' marks becomes the threads it lists as waiting on you. */
  async markSeen(request: BriefRequest): Promise<{ seenAt: string; accounts: number; threads: number }> {
    const { brief } = await this.#sections(request);
    const ids = this.#reports.accountIds(request.account);
    const seenAt = new Date(this.#services.clock()).toISOString();
    this.#marks.set(marksOf(brief, ids, seenAt));
    return { seenAt, accounts: ids.length, threads: brief.waitingOnYou.count };
  }

  #range(anchor: RangeAnchor) {
    return { preset: BRIEF_RANGE, anchor } as const;
  }

  /** Computes and stores the sections (warming stores them beside the reports: ReportService.warm). */
  async #store(
    account: ReportAccountRef,
    timeZone: string,
    anchor: RangeAnchor,
    asOf: number,
  ): Promise<{ key: string; brief: Brief }> {
    const at = { account, range: this.#range(anchor), timeZone, asOf };
    const { key, value } = await this.#reports.storedView(at, 'brief');
    return { key, brief: value as Brief };
  }

  /** The sections without the marks: exact for an explicit as-of, else through the cache. */
  async #sections(request: BriefRequest): Promise<BriefEnvelope> {
    const timeZone = this.#reports.zone(request);
    const anchor = request.anchor ?? 'auto';
    const now = this.#services.clock();
    const answer = (brief: Brief, stale: boolean, fromCache: boolean, cacheKey: string): BriefEnvelope => ({
      brief,
      stale,
      fromCache,
      computedAt: new Date(now).toISOString(),
      cacheKey,
    });
    if (request.asOf !== undefined) {
      const asOf = Date.parse(request.asOf);
      const at = { account: request.account, range: this.#range(anchor), timeZone, asOf };
      const brief = await this.#reports.computeView(at, 'brief');
      return answer(brief as Brief, false, false, '');
    }
    const { key, version } = this.#reports.keyAndVersion(
      request.account,
      this.#range(anchor),
      timeZone,
      now,
      FIGURE_SETS.brief,
    );
    this.#reports.asked({ account: request.account, figures: 'brief', range: this.#range(anchor) });
    const cached = this.#services.analyticsCache.get<Brief>(key, version, now);
    if (!cached)
      return answer((await this.#store(request.account, timeZone, anchor, now)).brief, false, false, key);
    if (cached.stale) {
      this.#reports.refreshLater(
        key,
        request.account,
        async () => (await this.#store(request.account, timeZone, anchor, this.#services.clock())).key,
      );
    }
    return answer(cached.value, cached.stale, true, key);
  }
}
