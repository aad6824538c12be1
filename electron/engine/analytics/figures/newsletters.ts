import type { Newsletter } from '../../../../shared/report-types.ts';
import { IS_UNREAD } from '../label-bits.ts';
import { byCountThenKey } from '../numbers.ts';
import { AUTOMATED, type Dataset, SENT, textsAt, UNSUBSCRIBE } from '../prepare.ts';
import { datedIn, isMoreRecent } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const newslettersDefinition =
  'Automated received mail in the range grouped by sender: count, share read (1 − the share still marked unread; only for accounts that have unread labels, else empty), last received, and the unsubscribe target from List-Unsubscribe (the first https: link, else the mailto:). "Rarely read" = at least 3 messages and a share read below 0.2. Sorted by count, then address; top 50.';

/** One sender's automated mail in a range, before it is written out as a {@link Newsletter}. */
export interface NewsletterGroup {
  sender: number;
  count: number;
  withReadState: number;
  unread: number;
  /** Dataset indices of the latest message and of the latest with an unsubscribe target (-1 = none). */
  latest: number;
  unsubscribeFrom: number;
}

/** Every sender of automated received mail in the range, by count, then address (no cap). */
export function newsletterGroups(data: Dataset, range: ResolvedRange): NewsletterGroup[] {
  const groups: NewsletterGroup[] = [];
  // Each sender's group by sender number (-1 = none yet), and whether the last account seen has read state.
  const groupOf = new Int32Array(data.texts.length).fill(-1);
  let account = Number.NaN;
  let readState = false;
  const inside = datedIn(data, range.from, range.to);
  for (let n = 0; n < inside.length; n++) {
    const i = inside[n]!;
    if ((data.flags[i]! & (SENT | AUTOMATED)) !== AUTOMATED) continue;
    const sender = data.sender[i]!;
    if (sender < 0) continue;
    let group = groupOf[sender]! < 0 ? undefined : groups[groupOf[sender]!];
    if (group === undefined) {
      group = { sender, count: 0, withReadState: 0, unread: 0, latest: i, unsubscribeFrom: -1 };
      groupOf[sender] = groups.length;
      groups.push(group);
    }
    group.count++;
    if (data.accountId[i] !== account) {
      account = data.accountId[i]!;
      readState = data.accountsWithUnread.has(account);
    }
    if (readState) {
      group.withReadState++;
      if ((data.labelBits[data.labels[i]!]! & IS_UNREAD) !== 0) group.unread++;
    }
    if (isMoreRecent(data, i, group.latest)) group.latest = i;
    if ((data.flags[i]! & UNSUBSCRIBE) !== 0 && isMoreRecent(data, i, group.unsubscribeFrom))
      group.unsubscribeFrom = i;
  }
  return groups.sort(
    byCountThenKey(
      (group) => group.count,
      (group) => data.texts[group.sender]!,
    ),
  );
}

/** 1 − the share still unread, over the messages of accounts with read state; null when none has it. */
export function readShareOf(group: NewsletterGroup): number | null {
  return group.withReadState === 0 ? null : 1 - group.unread / group.withReadState;
}

/** The group's last message time and unsubscribe target (read from the store for this one message). */
export function newsletterDetails(
  data: Dataset,
  group: NewsletterGroup,
): { last: string; unsubscribe: string | null } {
  return {
    last: isoOf(data.time[group.latest]!),
    unsubscribe: group.unsubscribeFrom < 0 ? null : textsAt(data, group.unsubscribeFrom).unsubscribe,
  };
}

/** Figure 12. */
export function computeNewsletters(data: Dataset, range: ResolvedRange): Newsletter[] {
  return newsletterGroups(data, range)
    .slice(0, TOP_LIMIT)
    .map((group) => {
      const readShare = readShareOf(group);
      const { last, unsubscribe } = newsletterDetails(data, group);
      return {
        address: data.texts[group.sender]!,
        count: group.count,
        readShare,
        last,
        unsubscribe,
        rarelyRead: group.count >= 3 && readShare !== null && readShare < 0.2,
      };
    });
}
