import { RANGE_PRESETS, type RangePreset } from '../../../../shared/domain.ts';
import { BriefError } from '../../../../shared/errors.ts';
import type { RangeSpec, ResolvedRange } from '../types.ts';
import { DAY_MS, dateOfDay, dayOfDate, type ZoneClock } from './zone-clock.ts';

const PRESET_DAYS: Record<Exclude<RangePreset, 'all'>, number> = {
  today: 1,
  '7': 7,
  '30': 30,
  '90': 90,
  '365': 365,
};

/** The local days [firstDay, lastDay] of a custom range `YYYY-MM-DD..YYYY-MM-DD`, validated. */
export function parseCustomRange(spec: string): { firstDay: number; lastDay: number } {
  const [first, last, extra] = spec.split('..');
  const firstDay = first === undefined ? null : dayOfDate(first);
  const lastDay = last === undefined ? null : dayOfDate(last);
  if (extra !== undefined || firstDay === null || lastDay === null) {
    throw new BriefError(
      'VALIDATION',
      `"${spec}" is not a date range. Write it as YYYY-MM-DD..YYYY-MM-DD, for example 2025-01-01..2025-01-31.`,
    );
  }
  if (lastDay < firstDay) {
    throw new BriefError(
      'VALIDATION',
      `The range "${spec}" ends before it starts. Put the earlier date first.`,
    );
  }
  return { firstDay, lastDay };
}

export function isPreset(spec: RangeSpec): spec is RangePreset {
  return (RANGE_PRESETS as readonly string[]).includes(spec);
}

/** Whole local days [firstDay, lastDay] as instants [from, to). */
function dayRange(
  clock: ZoneClock,
  preset: RangePreset | 'custom',
  firstDay: number,
  lastDay: number,
  days: string | null,
): ResolvedRange {
  return { preset, from: clock.startOfDay(firstDay), to: clock.startOfDay(lastDay + 1), days };
}

/** The local days a range spans, for presets and custom ranges (null for `all`). */
export function rangeDays(
  spec: RangeSpec,
  clock: ZoneClock,
  at: number,
): { firstDay: number; lastDay: number } | null {
  if (spec === 'all') return null;
  if (isPreset(spec)) {
    const today = clock.dayOf(at);
    return { firstDay: today - (PRESET_DAYS[spec] - 1), lastDay: today };
  }
  return parseCustomRange(spec);
}

/** The span of instants a clock must cover to resolve the range and its previous range. */
export function rangeSpan(spec: RangeSpec, at: number): { from: number; to: number } {
  if (spec === 'all' || isPreset(spec)) return { from: at - 2 * 366 * DAY_MS, to: at + 2 * DAY_MS };
  const { firstDay, lastDay } = parseCustomRange(spec);
  const length = lastDay - firstDay + 1;
  return { from: (firstDay - length - 2) * DAY_MS, to: (lastDay + 2) * DAY_MS };
}

/**
 * Resolves a range in the clock's zone: [from, to), half-open. Presets count back from the local
 * day of `at` (the as-of instant, or the newest message when `anchored`, see anchor.ts); an
 * anchored `all` ends with that day, as every anchored preset does, so it holds the message.
 */
export function resolveRange(spec: RangeSpec, clock: ZoneClock, at: number, anchored = false): ResolvedRange {
  const days = rangeDays(spec, clock, at);
  if (days === null) {
    const to = anchored ? clock.startOfDay(clock.dayOf(at) + 1) : at;
    return { preset: 'all', from: Number.NEGATIVE_INFINITY, to, days: null };
  }
  const preset = isPreset(spec) ? spec : 'custom';
  return dayRange(clock, preset, days.firstDay, days.lastDay, preset === 'custom' ? spec : null);
}

/**
 * The range of the same number of local days just before it (DST-correct, so it may differ in
 * length by an hour); null for `all`, which has no previous range.
 */
export function previousRange(
  spec: RangeSpec,
  clock: ZoneClock,
  at: number,
): (ResolvedRange & { days: string }) | null {
  const days = rangeDays(spec, clock, at);
  if (days === null) return null;
  const length = days.lastDay - days.firstDay + 1;
  const firstDay = days.firstDay - length;
  const lastDay = days.firstDay - 1;
  const custom = `${dateOfDay(firstDay)}..${dateOfDay(lastDay)}`;
  return { ...dayRange(clock, 'custom', firstDay, lastDay, custom), days: custom };
}
