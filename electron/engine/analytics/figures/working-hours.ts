import type { WorkingHours } from '../../../../shared/domain.ts';
import type { WorkingHoursView } from '../../../../shared/report-types.ts';
import type { Dataset } from '../prepare.ts';
import { pairsInRange, type ReplyPairs } from '../reply-walk.ts';
import type { ResolvedRange } from '../types.ts';
import { responseStats } from './response-time.ts';

export const workingHoursDefinition =
  "Your response time and theirs counted in working time only: the same reply pairs, with delay = the working time between the two instants (working days and hours in the report's time zone; default Monday–Friday 09:00–18:00). A pair with no working time between its messages is kept with delay 0.";

function clockText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export function describeWorkingHours(hours: WorkingHours): WorkingHoursView['hours'] {
  return {
    days: [...hours.days].sort((a, b) => a - b),
    start: clockText(hours.startMinute),
    end: clockText(hours.endMinute),
  };
}

/** Pair k's delay in working time. */
export function workingDelay(data: Dataset, pairs: ReplyPairs, k: number): number {
  return data.working.betweenOnDays(
    pairs.openingTime[k]!,
    pairs.closingTime[k]!,
    data.day[pairs.opening[k]!]!,
    data.day[pairs.closing[k]!]!,
  );
}

/** The working-time delay of each pair of `inside`, in its order: a loop of its own, not a callback per pair. */
function workingDelaysOf(data: Dataset, pairs: ReplyPairs, inside: Int32Array): Float64Array {
  const values = new Float64Array(inside.length);
  for (let j = 0; j < inside.length; j++) values[j] = workingDelay(data, pairs, inside[j]!);
  return values;
}

/** Figure 8. */
export function computeWorkingHoursView(data: Dataset, range: ResolvedRange): WorkingHoursView {
  const stats = (pairs: ReplyPairs) => {
    const inside = pairsInRange(pairs, range.from, range.to);
    return responseStats(data, pairs, inside, workingDelaysOf(data, pairs, inside));
  };
  return {
    hours: describeWorkingHours(data.workingHours),
    mine: stats(data.mine),
    theirs: stats(data.theirs),
  };
}
