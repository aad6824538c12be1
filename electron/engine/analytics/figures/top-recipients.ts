import { byCountThenKey } from '../numbers.ts';
import type { Dataset } from '../prepare.ts';
import { inRange } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const topRecipientsDefinition =
  'Sent counted messages in the range: each distinct contact in To, Cc and Bcc counts once per message; your own addresses are left out. Last = the most recent such message. Sorted by count, then address; top 50.';

export interface TopRecipient {
  address: string;
  count: number;
  last: string;
}

/** Figure 3. */
export function computeTopRecipients(data: Dataset, range: ResolvedRange): TopRecipient[] {
  const groups = new Map<string, { count: number; last: number }>();
  for (const message of data.messages) {
    if (!message.sent || !inRange(message, range)) continue;
    for (const address of message.recipients) {
      const group = groups.get(address);
      if (group) {
        group.count++;
        if (message.time > group.last) group.last = message.time;
      } else groups.set(address, { count: 1, last: message.time });
    }
  }
  return [...groups]
    .sort(
      byCountThenKey(
        ([, group]) => group.count,
        ([address]) => address,
      ),
    )
    .slice(0, TOP_LIMIT)
    .map(([address, group]) => ({ address, count: group.count, last: isoOf(group.last) }));
}
