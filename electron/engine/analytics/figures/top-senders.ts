import type { TopSender } from '../../../../shared/report-types.ts';
import { type Dataset, textsAt } from '../prepare.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { contactTally } from './contact-tally.ts';

export const TOP_LIMIT = 50;

export const topSendersDefinition =
  'Received counted messages in the range grouped by sender (the From address, or the single Reply-To of a mailing list\'s "via" rewrite); mail from your own addresses is left out. Name = the display name beside that address in the most recent message that has one. Last = the most recent message time; automated share = automated ÷ count. Sorted by count, then address; top 50.';

/** Figure 2. */
export function computeTopSenders(data: Dataset, range: ResolvedRange): TopSender[] {
  const { receivedFrom, automatedFrom, latestFrom, namedFrom } = contactTally(data, range.from, range.to);
  return data.contacts.top(receivedFrom, TOP_LIMIT).map((id) => ({
    address: data.contacts.address(id),
    name: namedFrom[id]! < 0 ? null : textsAt(data, namedFrom[id]!).senderName,
    count: receivedFrom[id]!,
    last: isoOf(data.time[latestFrom[id]!]!),
    automatedShare: automatedFrom[id]! / receivedFrom[id]!,
  }));
}
