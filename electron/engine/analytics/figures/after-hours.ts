import type { AfterHours } from '../../../../shared/report-types.ts';
import { shareOf } from '../numbers.ts';
import type { Dataset } from '../prepare.ts';
import type { ResolvedRange } from '../types.ts';
import { messageTally } from './message-tally.ts';

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
  const { datedSent, sentAfterHours, sentOnWeekends } = messageTally(data, range);
  return { share: shareOf(sentAfterHours, datedSent), weekendShare: shareOf(sentOnWeekends, datedSent) };
}
