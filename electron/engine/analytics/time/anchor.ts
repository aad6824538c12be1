/**
 * Anchored ranges (docs/metrics.md "Anchored ranges"). A preset counts its local days back from
 * a day: the as-of instant's (`now`, docs/metrics.md "Anchored ranges") or the newest counted dated message's
 * (`newest`), so an archive whose mail ended years ago still has a "last 30 days". `auto` is
 * `newest` exactly when the calendar range would start after the newest message — hold none of
 * the mail — and `now` otherwise. The as-of instant never moves: it alone decides which times are
 * valid (a time more than a day after it is undated), so an anchor changes which days a range
 * covers, never which messages are dated.
 */
import type { RangeAnchor } from '../../../../shared/domain.ts';
import type { RangeSpec } from '../types.ts';
import { isPreset, resolveRange } from './ranges.ts';
import type { ZoneClock } from './zone-clock.ts';

/** The instant whose local day a preset ends on, and the anchor that chose it. */
export interface RangeBasis {
  at: number;
  anchor: 'now' | 'newest';
}

/**
 * The basis of a range: `newest` = the newest counted dated message (−∞ when there is none,
 * which anchors nothing). Custom ranges are fixed days and always count from now.
 */
export function resolveAnchor(
  spec: RangeSpec,
  requested: RangeAnchor,
  clock: ZoneClock,
  asOf: number,
  newest: number,
): RangeBasis {
  const calendar: RangeBasis = { at: asOf, anchor: 'now' };
  if (requested === 'now' || !isPreset(spec) || !Number.isFinite(newest)) return calendar;
  if (requested === 'newest') return { at: newest, anchor: 'newest' };
  return newest < resolveRange(spec, clock, asOf).from ? { at: newest, anchor: 'newest' } : calendar;
}
