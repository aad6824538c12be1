import type { TopRecipient } from '../../../../shared/report-types.ts';
import type { Dataset } from '../prepare.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { contactTally } from './contact-tally.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const topRecipientsDefinition =
  'Sent counted messages in the range: each distinct contact in To, Cc and Bcc counts once per message; your own addresses are left out. Last = the most recent such message. Sorted by count, then address; top 50.';

/** Figure 3. */
export function computeTopRecipients(data: Dataset, range: ResolvedRange): TopRecipient[] {
  const { sentTo, lastSent } = contactTally(data, range.from, range.to);
  return data.contacts
    .top(sentTo, TOP_LIMIT)
    .map((id) => ({ address: data.contacts.address(id), count: sentTo[id]!, last: isoOf(lastSent[id]!) }));
}
