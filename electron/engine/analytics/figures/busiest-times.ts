import type { BusiestTimes, WeekMatrix } from '../../../../shared/report-types.ts';
import type { Dataset } from '../prepare.ts';
import type { ResolvedRange } from '../types.ts';
import { messageTally } from './message-tally.ts';

export const busiestTimesDefinition =
  'Counted messages in the range by local weekday (rows, Monday first) and local hour (columns, 0–23), DST-correct; one matrix for sent and one for received.';

/** A weekday × hour matrix of counts kept as weekday × 24 + hour. */
function matrixOf(counts: Int32Array): WeekMatrix {
  return Array.from({ length: 7 }, (_, weekday) =>
    Array.from(counts.subarray(weekday * 24, weekday * 24 + 24)),
  );
}

/** Figure 5. */
export function computeBusiestTimes(data: Dataset, range: ResolvedRange): BusiestTimes {
  const { sentAt, receivedAt } = messageTally(data, range);
  return { sent: matrixOf(sentAt), received: matrixOf(receivedAt) };
}
