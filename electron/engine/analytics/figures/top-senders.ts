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

/** Figure 2. */
export function computeTopSenders(data: Dataset, range: ResolvedRange): TopSender[] {
  const size = data.contacts.size;
  const counts = new Int32Array(size);
  const automated = new Int32Array(size);
  const latest: Array<PreparedMessage | null> = new Array(size).fill(null);
  const named: Array<PreparedMessage | null> = new Array(size).fill(null);
  for (const message of data.messages) {
    const id = message.contactId;
    if (message.sent || id < 0 || !inRange(message, range)) continue;
    counts[id]!++;
    if (message.automated) automated[id]!++;
    if (isMoreRecent(message, latest[id]!)) latest[id] = message;
    if (message.source.senderName && isMoreRecent(message, named[id]!)) named[id] = message;
  }
  return data.contacts.top(counts, TOP_LIMIT).map((id) => ({
    address: data.contacts.address(id),
    name: named[id]?.source.senderName ?? null,
    count: counts[id]!,
    last: isoOf(latest[id]!.time),
    automatedShare: automated[id]! / counts[id]!,
  }));
}
