import type { Dataset } from '../prepare.ts';
import { inRange } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';

export const busiestTimesDefinition =
  'Counted messages in the range by local weekday (rows, Monday first) and local hour (columns, 0–23), DST-correct; one matrix for sent and one for received.';

export type WeekMatrix = number[][];

function emptyMatrix(): WeekMatrix {
  return Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
}

/** Figure 5. */
export function computeBusiestTimes(
  data: Dataset,
  range: ResolvedRange,
): { sent: WeekMatrix; received: WeekMatrix } {
  const sent = emptyMatrix();
  const received = emptyMatrix();
  for (const message of data.messages) {
    if (!inRange(message, range)) continue;
    const row = (message.sent ? sent : received)[message.weekday]!;
    row[message.hour]!++;
  }
  return { sent, received };
}
