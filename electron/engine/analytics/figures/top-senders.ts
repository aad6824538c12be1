import type { TopSender } from '../../../../shared/report-types.ts';
import { AUTOMATED, type Dataset, NAMED, SENT, textsAt } from '../prepare.ts';
import { datedIn, isMoreRecent } from '../scope.ts';
import { isoOf } from '../time/zone-clock.ts';
import type { ResolvedRange } from '../types.ts';

export const TOP_LIMIT = 50;

export const topSendersDefinition =
  'Received counted messages in the range grouped by sender (the From address, or the single Reply-To of a mailing list\'s "via" rewrite); mail from your own addresses is left out. Name = the display name beside that address in the most recent message that has one. Last = the most recent message time; automated share = automated ÷ count. Sorted by count, then address; top 50.';

/** Figure 2. */
export function computeTopSenders(data: Dataset, range: ResolvedRange): TopSender[] {
  const size = data.contacts.size;
  const counts = new Int32Array(size);
  const automated = new Int32Array(size);
  // The latest message, and the latest with a display name, per contact (-1 = none yet).
  const latest = new Int32Array(size).fill(-1);
  const named = new Int32Array(size).fill(-1);
  const inside = datedIn(data, range.from, range.to);
  for (let n = 0; n < inside.length; n++) {
    const i = inside[n]!;
    const id = data.contact[i]!;
    if ((data.flags[i]! & SENT) !== 0 || id < 0) continue;
    counts[id]!++;
    if ((data.flags[i]! & AUTOMATED) !== 0) automated[id]!++;
    if (isMoreRecent(data, i, latest[id]!)) latest[id] = i;
    if ((data.flags[i]! & NAMED) !== 0 && isMoreRecent(data, i, named[id]!)) named[id] = i;
  }
  return data.contacts.top(counts, TOP_LIMIT).map((id) => ({
    address: data.contacts.address(id),
    name: named[id]! < 0 ? null : textsAt(data, named[id]!).senderName,
    count: counts[id]!,
    last: isoOf(data.time[latest[id]!]!),
    automatedShare: automated[id]! / counts[id]!,
  }));
}
