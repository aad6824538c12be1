import type { Newsletter } from '../../../../shared/report-types.ts';
import { byCountThenKey } from '../numbers.ts';
import { AUTOMATED, type Dataset, SENT, textsAt, UNSUBSCRIBE } from '../prepare.ts';
import { inRange, isMoreRecent } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const newslettersDefinition =
  'Automated received mail in the range grouped by sender: count, share read (1 − the share still marked unread; only for accounts that have unread labels, else empty), last received, and the unsubscribe target from List-Unsubscribe (the first https: link, else the mailto:). "Rarely read" = at least 3 messages and a share read below 0.2. Sorted by count, then address; top 50.';

interface Group {
  count: number;
  withReadState: number;
  unread: number;
  /** Dataset indices of the latest message and of the latest with an unsubscribe target (-1 = none). */
  latest: number;
  unsubscribeFrom: number;
}

/** Figure 12. */
export function computeNewsletters(data: Dataset, range: ResolvedRange): Newsletter[] {
  const groups = new Map<number, Group>();
  for (let i = 0; i < data.count; i++) {
    if ((data.flags[i]! & (SENT | AUTOMATED)) !== AUTOMATED || !inRange(data, i, range)) continue;
    const sender = data.sender[i]!;
    if (sender < 0) continue;
    let group = groups.get(sender);
    if (!group) {
      group = { count: 0, withReadState: 0, unread: 0, latest: i, unsubscribeFrom: -1 };
      groups.set(sender, group);
    }
    group.count++;
    if (data.accountsWithUnread.has(data.accountId[i]!)) {
      group.withReadState++;
      if (data.lists[data.labels[i]!]!.includes('UNREAD')) group.unread++;
    }
    if (isMoreRecent(data, i, group.latest)) group.latest = i;
    if ((data.flags[i]! & UNSUBSCRIBE) !== 0 && isMoreRecent(data, i, group.unsubscribeFrom))
      group.unsubscribeFrom = i;
  }
  return [...groups]
    .sort(
      byCountThenKey(
        ([, group]) => group.count,
        ([sender]) => data.texts[sender]!,
      ),
    )
    .slice(0, TOP_LIMIT)
    .map(([sender, group]) => {
      const readShare = group.withReadState === 0 ? null : 1 - group.unread / group.withReadState;
      return {
        address: data.texts[sender]!,
        count: group.count,
        readShare,
        last: isoOf(data.time[group.latest]!),
        unsubscribe: group.unsubscribeFrom < 0 ? null : textsAt(data, group.unsubscribeFrom).unsubscribe,
        rarelyRead: group.count >= 3 && readShare !== null && readShare < 0.2,
      };
    });
}
