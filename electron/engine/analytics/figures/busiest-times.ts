import type { BusiestTimes, WeekMatrix } from '../../../../shared/report-types.ts';
import { type Dataset, SENT } from '../prepare.ts';
import { datedIn } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';

export const busiestTimesDefinition =
  'Counted messages in the range by local weekday (rows, Monday first) and local hour (columns, 0–23), DST-correct; one matrix for sent and one for received.';

function emptyMatrix(): WeekMatrix {
  return Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
}

/** Figure 5. */
export function computeBusiestTimes(data: Dataset, range: ResolvedRange): BusiestTimes {
  const sent = emptyMatrix();
  const received = emptyMatrix();
  const inside = datedIn(data, range.from, range.to);
  for (let n = 0; n < inside.length; n++) {
    const i = inside[n]!;
    const row = ((data.flags[i]! & SENT) !== 0 ? sent : received)[data.weekday[i]!]!;
    row[data.hour[i]!]!++;
  }
  return { sent, received };
}
