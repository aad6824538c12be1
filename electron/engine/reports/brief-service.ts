/**
 * The Brief through the analytics cache, like every view (docs/analytics.md): its sections are
 * cached per accounts, zone, anchor and as-of local date, warmed after every sync and import, and
 * answered stale-while-revalidate. "New since the last brief" is applied on each answer from the
 * stored marks, so delivering a brief (`brief.markSeen`) never invalidates the cache.
 */
import type { Brief, BriefEnvelope } from '../../../shared/brief-types.ts';
import { BRIEF_FORMAT } from '../../../shared/brief-types.ts';
import type { RangeAnchor } from '../../../shared/domain.ts';
import { BriefError } from '../../../shared/errors.ts';
import { BRIEF_RANGE, briefOf } from '../analytics/brief/compute-brief.ts';
import { marksOf, withMarks } from '../analytics/brief/new-since.ts';
import { BriefMarkService } from '../cache/brief-marks.ts';
import type { EngineServices } from '../engine.ts';
import type { ReportAccountRef, ReportService } from './report-service.ts';

export interface BriefRequest {
  account: ReportAccountRef;
  timeZone?: string;
  /** ISO instant; absent = now (through the cache). */
  asOf?: string;
  /** What the Brief's 30 days count back from; absent = `auto`, as the dashboard's ranges. */
  anchor?: RangeAnchor;
}

const FIGURE_SET = `brief-${BRIEF_FORMAT}`;

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
  brief(request: BriefRequest): BriefEnvelope {
    const envelope = this.#sections(request);
    const ids = this.#reports.accountIds(request.account);
    return { ...envelope, brief: withMarks(envelope.brief, this.#marks.get(ids)) };
  }

  /** Delivers the Brief: each of its accounts' marks becomes the threads it lists as waiting on you. */
  markSeen(request: BriefRequest): { seenAt: string; accounts: number; threads: number } {
    const { brief } = this.#sections(request);
    const ids = this.#reports.accountIds(request.account);
    const seenAt = new Date(this.#services.clock()).toISOString();
    this.#marks.set(marksOf(brief, ids, seenAt));
    return { seenAt, accounts: ids.length, threads: brief.waitingOnYou.count };
  }

  /** Computes the account's Brief and the Brief of all accounts into the cache (after every sync and import). */
  warm(accountId: number, asOf = this.#services.clock()): number {
    const timeZone = this.#reports.zone({});
    for (const account of [accountId, 'all'] as const) {
      const { key } = this.#store(account, timeZone, 'auto', asOf);
      this.#services.events.emit('analytics-updated', { key, account });
    }
    return 2;
  }

  #range(anchor: RangeAnchor) {
    return { preset: BRIEF_RANGE, anchor } as const;
  }

  #compute(account: ReportAccountRef, timeZone: string, anchor: RangeAnchor, asOf: number): Brief {
    if (!Number.isFinite(asOf))
      throw new BriefError('VALIDATION', 'The as-of time is not a valid ISO instant.');
    return this.#reports.view(account, this.#range(anchor), timeZone, asOf, FIGURE_SET, briefOf);
  }

  /** Computes and stores the sections. */
  #store(
    account: ReportAccountRef,
    timeZone: string,
    anchor: RangeAnchor,
    asOf: number,
  ): { key: string; brief: Brief } {
    const { key, version } = this.#reports.keyAndVersion(
      account,
      this.#range(anchor),
      timeZone,
      asOf,
      FIGURE_SET,
    );
    const started = performance.now();
    const brief = this.#compute(account, timeZone, anchor, asOf);
    this.#services.analyticsCache.set(key, brief, version, performance.now() - started);
    return { key, brief };
  }

  /** The sections without the marks: exact for an explicit as-of, else through the cache. */
  #sections(request: BriefRequest): BriefEnvelope {
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
      return answer(
        this.#compute(request.account, timeZone, anchor, Date.parse(request.asOf)),
        false,
        false,
        '',
      );
    }
    const { key, version } = this.#reports.keyAndVersion(
      request.account,
      this.#range(anchor),
      timeZone,
      now,
      FIGURE_SET,
    );
    const cached = this.#services.analyticsCache.get<Brief>(key, version, now);
    if (!cached) return answer(this.#store(request.account, timeZone, anchor, now).brief, false, false, key);
    if (cached.stale) {
      this.#reports.refreshLater(
        key,
        request.account,
        () => this.#store(request.account, timeZone, anchor, this.#services.clock()).key,
      );
    }
    return answer(cached.value, cached.stale, true, key);
  }
}
