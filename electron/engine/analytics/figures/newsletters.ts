import { byCountThenKey } from '../numbers.ts';
import type { Dataset, PreparedMessage } from '../prepare.ts';
import { inRange, isMoreRecent } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const newslettersDefinition =
  'Automated received mail in the range grouped by sender: count, share read (1 − the share still marked unread; only for accounts that have unread labels, else empty), last received, and the unsubscribe target from List-Unsubscribe (the first https: link, else the mailto:). "Rarely read" = at least 3 messages and a share read below 0.2. Sorted by count, then address; top 50.';

export interface Newsletter {
  address: string;
  count: number;
  readShare: number | null;
  last: string;
  unsubscribe: string | null;
  rarelyRead: boolean;
}

interface Group {
  count: number;
  withReadState: number;
  unread: number;
  latest: PreparedMessage;
  unsubscribeFrom: PreparedMessage | null;
}

/** Figure 12. */
export function computeNewsletters(data: Dataset, range: ResolvedRange): Newsletter[] {
  const groups = new Map<string, Group>();
  for (const message of data.messages) {
    const sender = message.source.sender;
    if (message.sent || !message.automated || sender === null || !inRange(message, range)) continue;
    let group = groups.get(sender);
    if (!group) {
      group = { count: 0, withReadState: 0, unread: 0, latest: message, unsubscribeFrom: null };
      groups.set(sender, group);
    }
    group.count++;
    if (data.accountsWithUnread.has(message.source.accountId)) {
      group.withReadState++;
      if (message.source.labels.includes('UNREAD')) group.unread++;
    }
    if (isMoreRecent(message, group.latest)) group.latest = message;
    if (message.source.unsubscribe && isMoreRecent(message, group.unsubscribeFrom))
      group.unsubscribeFrom = message;
  }
  return [...groups]
    .sort(
      byCountThenKey(
        ([, group]) => group.count,
        ([address]) => address,
      ),
    )
    .slice(0, TOP_LIMIT)
    .map(([address, group]) => {
      const readShare = group.withReadState === 0 ? null : 1 - group.unread / group.withReadState;
      return {
        address,
        count: group.count,
        readShare,
        last: isoOf(group.latest.time),
        unsubscribe: group.unsubscribeFrom?.source.unsubscribe ?? null,
        rarelyRead: group.count >= 3 && readShare !== null && readShare < 0.2,
      };
    });
}
