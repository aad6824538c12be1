/** A report request's range as the contract takes it, and the forms the analytics and the cache use. */
import type { RangeAnchor, RangePreset } from '../../../shared/domain.ts';
import type { RangeSpec } from '../analytics/index.ts';

export type ReportRange = { preset: RangePreset; anchor?: RangeAnchor } | { from: string; to: string };

/** The views warmed after every sync and import: the dashboard's presets as it asks for them. */
export const WARM_RANGES: readonly ReportRange[] = [
  { preset: 'all' },
  { preset: '7', anchor: 'auto' },
  { preset: '30', anchor: 'auto' },
  { preset: '90', anchor: 'auto' },
];

export function rangeSpec(range: ReportRange): RangeSpec {
  return 'preset' in range ? range.preset : `${range.from}..${range.to}`;
}

export function rangeAnchor(range: ReportRange): RangeAnchor {
  return ('preset' in range && range.anchor) || 'now';
}

/**
 * The range as a cache key holds it: one form per distinct computation. `now` is the default,
 * and `auto` never anchors `all` (the calendar `all` holds every message), so both drop out.
 */
export function cacheRange(range: ReportRange): ReportRange {
  if (!('preset' in range)) return { from: range.from, to: range.to };
  const anchor = rangeAnchor(range);
  if (anchor === 'now' || (anchor === 'auto' && range.preset === 'all')) return { preset: range.preset };
  return { preset: range.preset, anchor };
}
