import type { TopRecipient } from '../../../../shared/report-types.ts';
import { type Dataset, SENT } from '../prepare.ts';
import { datedIn } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const topRecipientsDefinition =
  'Sent counted messages in the range: each distinct contact in To, Cc and Bcc counts once per message; your own addresses are left out. Last = the most recent such message. Sorted by count, then address; top 50.';

/** Figure 3. */
export function computeTopRecipients(data: Dataset, range: ResolvedRange): TopRecipient[] {
  const counts = new Int32Array(data.contacts.size);
  const last = new Float64Array(data.contacts.size).fill(Number.NEGATIVE_INFINITY);
  const { pool, start, length } = data.recipients;
  const inside = datedIn(data, range.from, range.to);
  for (let n = 0; n < inside.length; n++) {
    const i = inside[n]!;
    if ((data.flags[i]! & SENT) === 0) continue;
    const time = data.time[i]!;
    for (let k = start[i]!, end = k + length[i]!; k < end; k++) {
      const id = pool[k]!;
      counts[id]!++;
      if (time > last[id]!) last[id] = time;
    }
  }
  return data.contacts
    .top(counts, TOP_LIMIT)
    .map((id) => ({ address: data.contacts.address(id), count: counts[id]!, last: isoOf(last[id]!) }));
}
