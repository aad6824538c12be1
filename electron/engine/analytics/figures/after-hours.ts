import type { AfterHours } from '../../../../shared/report-types.ts';
import { shareOf } from '../numbers.ts';
import { type Dataset, SENT } from '../prepare.ts';
import { datedIn } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';

export const afterHoursDefinition =
  'Share = dated sent messages in the range outside working hours (local time; default Monday–Friday 09:00–18:00, start inclusive, end exclusive) ÷ all dated sent messages in the range. Weekend share = those sent on a local Saturday or Sunday ÷ the same total.';

export function isAfterHours(data: Dataset, i: number): boolean {
  return !data.working.isWorkingWall(data.weekday[i]!, data.msOfDay[i]!);
}

export function isWeekend(data: Dataset, i: number): boolean {
  return data.weekday[i]! >= 5;
}

/** Figure 9. */
export function computeAfterHours(data: Dataset, range: ResolvedRange): AfterHours {
  let sent = 0;
  let outside = 0;
  let weekend = 0;
  const inside = datedIn(data, range.from, range.to);
  for (let n = 0; n < inside.length; n++) {
    const i = inside[n]!;
    if ((data.flags[i]! & SENT) === 0) continue;
    sent++;
    if (isAfterHours(data, i)) outside++;
    if (isWeekend(data, i)) weekend++;
  }
  return { share: shareOf(outside, sent), weekendShare: shareOf(weekend, sent) };
}
