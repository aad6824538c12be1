/**
 * The order warming computes its views in. Each view is stored and announced as soon as it is
 * ready, so the order decides when the dashboard can redraw: the views it asked for last (what it
 * has open) come first, then its default view (Overview of "all", 30 days), then the rest of the
 * common views. A view asked for that is not among the common ones (a custom range, a year) is
 * warmed too, so the open window redraws from the cache after every sync.
 */
import { BRIEF_RANGE } from '../analytics/brief/compute-brief.ts';
import type { ReportAccountRef } from './report-keys.ts';
import { cacheRange, type ReportRange, WARM_RANGES } from './report-range.ts';

export interface WarmView {
  account: ReportAccountRef;
  figures: 'report' | 'brief';
  range: ReportRange;
}

/** What the dashboard opens on (renderer/src/state/view-store.ts): every account, 30 days, `auto`. */
const DEFAULT_VIEW: WarmView = { account: 'all', figures: 'report', range: { preset: '30', anchor: 'auto' } };

/** The views warmed after every sync and import, per account set: the dashboard's ranges, then the Brief. */
const COMMON: ReadonlyArray<Omit<WarmView, 'account'>> = [
  ...WARM_RANGES.map((range) => ({ figures: 'report' as const, range })),
  { figures: 'brief', range: { preset: BRIEF_RANGE, anchor: 'auto' } },
];

/** How many of the views asked for last are warmed first (a window shows one view; two windows, a Brief). */
const REMEMBERED = 4;

function sameView(a: WarmView, b: WarmView): boolean {
  return (
    a.account === b.account &&
    a.figures === b.figures &&
    JSON.stringify(cacheRange(a.range)) === JSON.stringify(cacheRange(b.range))
  );
}

export class WarmPlan {
  /** The views asked for through the cache, the latest first. */
  #asked: WarmView[] = [];

  /** Remembers a view a caller asked for (a report or a Brief through the cache). */
  asked(view: WarmView): void {
    this.#asked = [view, ...this.#asked.filter((other) => !sameView(other, view))].slice(0, REMEMBERED);
  }

  /** The views to warm after a change of one account, in the order they are computed; no view twice. */
  after(accountId: number): WarmView[] {
    const common = [accountId, 'all'].flatMap((account) =>
      COMMON.map((view) => ({ ...view, account: account as ReportAccountRef })),
    );
    const asked = this.#asked.filter((view) => view.account === accountId || view.account === 'all');
    const ordered: WarmView[] = [];
    for (const view of [...asked, DEFAULT_VIEW, ...common]) {
      if (!ordered.some((other) => sameView(other, view))) ordered.push(view);
    }
    return ordered;
  }
}

/**
 * The views as the sets of one batch: consecutive views of one account set form a set (the view
 * computer reuses what it loaded and prepared for an account set across the batch).
 */
export function bySet(views: readonly WarmView[]): WarmView[][] {
  const sets: WarmView[][] = [];
  for (const view of views) {
    const last = sets.at(-1);
    if (last !== undefined && last[0]!.account === view.account) last.push(view);
    else sets.push([view]);
  }
  return sets;
}
