import { shareOf } from '../numbers.ts';
import type { Dataset, PreparedMessage } from '../prepare.ts';
import { inRange } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';

export const afterHoursDefinition =
  'Share = dated sent messages in the range outside working hours (local time; default Monday–Friday 09:00–18:00, start inclusive, end exclusive) ÷ all dated sent messages in the range. Weekend share = those sent on a local Saturday or Sunday ÷ the same total.';

export function isAfterHours(data: Dataset, message: PreparedMessage): boolean {
  return !data.working.isWorkingWall(message.weekday, message.msOfDay);
}

export function isWeekend(message: PreparedMessage): boolean {
  return message.weekday >= 5;
}

/** Figure 9. */
export function computeAfterHours(data: Dataset, range: ResolvedRange) {
  let sent = 0;
  let outside = 0;
  let weekend = 0;
  for (const message of data.messages) {
    if (!message.sent || !inRange(message, range)) continue;
    sent++;
    if (isAfterHours(data, message)) outside++;
    if (isWeekend(message)) weekend++;
  }
  return { share: shareOf(outside, sent), weekendShare: shareOf(weekend, sent) };
}
