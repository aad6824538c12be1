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
  const counts = new Int32Array(data.contacts.size);
  const last = new Float64Array(data.contacts.size).fill(Number.NEGATIVE_INFINITY);
  for (const message of data.messages) {
    if (!message.sent || !inRange(message, range)) continue;
    for (const id of message.recipientIds) {
      counts[id]!++;
      if (message.time > last[id]!) last[id] = message.time;
    }
  }
  return data.contacts
    .top(counts, TOP_LIMIT)
    .map((id) => ({ address: data.contacts.address(id), count: counts[id]!, last: isoOf(last[id]!) }));
}
