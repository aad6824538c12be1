import { byCountThenKey } from '../numbers.ts';
import type { Dataset, PreparedMessage } from '../prepare.ts';
import { inRange, isMoreRecent } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const TOP_LIMIT = 50;

export const topSendersDefinition =
  'Received counted messages in the range grouped by sender (the From address, or the single Reply-To of a mailing list\'s "via" rewrite); mail from your own addresses is left out. Name = the display name beside that address in the most recent message that has one. Last = the most recent message time; automated share = automated ÷ count. Sorted by count, then address; top 50.';

export interface TopSender {
  address: string;
  name: string | null;
  count: number;
  last: string;
  automatedShare: number;
}

interface SenderGroup {
  count: number;
  automated: number;
  latest: PreparedMessage;
  named: PreparedMessage | null;
}

/** Figure 2: every sender's group (the report keeps the top 50; relationships and drilldown use them all). */
export function senderGroups(data: Dataset, range: ResolvedRange): Map<string, SenderGroup> {
  const groups = new Map<string, SenderGroup>();
  for (const message of data.messages) {
    if (message.sent || message.contact === null || !inRange(message, range)) continue;
    let group = groups.get(message.contact);
    if (!group) {
      group = { count: 0, automated: 0, latest: message, named: null };
      groups.set(message.contact, group);
    }
    group.count++;
    if (message.automated) group.automated++;
    if (isMoreRecent(message, group.latest)) group.latest = message;
    if (message.source.senderName && isMoreRecent(message, group.named)) group.named = message;
  }
  return groups;
}

export function computeTopSenders(data: Dataset, range: ResolvedRange): TopSender[] {
  return [...senderGroups(data, range)]
    .sort(
      byCountThenKey(
        ([, group]) => group.count,
        ([address]) => address,
      ),
    )
    .slice(0, TOP_LIMIT)
    .map(([address, group]) => ({
      address,
      name: group.named?.source.senderName ?? null,
      count: group.count,
      last: isoOf(group.latest.time),
      automatedShare: group.automated / group.count,
    }));
}
