import { byCountThenKey, increment, topCounts } from '../numbers.ts';
import type { Dataset } from '../prepare.ts';
import { inRange } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const labelsDefinition =
  'Counted messages in the range per label id (system labels such as INBOX, SENT and CATEGORY_UPDATES, and your own labels), sorted by count, then label.';

export const bytesBySenderDefinition =
  "Total size of the counted messages in the range per sender (Gmail's size estimate for synced mail, the message's size in bytes for imports), sorted by bytes, then address; top 50.";

/** Figure 13: messages per label, and bytes per sender. */
export function computeLabels(data: Dataset, range: ResolvedRange) {
  // Messages per distinct label list first: stored messages share their label lists (see load.ts),
  // so this is one identity lookup per message instead of one string lookup per label.
  const perList = new Map<readonly string[], number>();
  const bytes = new Map<string, { bytes: number; count: number }>();
  for (const message of data.messages) {
    if (!inRange(message, range)) continue;
    const own = message.source.labels;
    perList.set(own, (perList.get(own) ?? 0) + 1);
    const sender = message.source.sender;
    if (sender === null) continue;
    const entry = bytes.get(sender);
    if (entry) {
      entry.bytes += message.source.size;
      entry.count++;
    } else bytes.set(sender, { bytes: message.source.size, count: 1 });
  }
  const labels = new Map<string, number>();
  for (const [list, messages] of perList) {
    for (let i = 0; i < list.length; i++) {
      if (list.indexOf(list[i]!) === i) increment(labels, list[i]!, messages);
    }
  }
  return {
    labels: topCounts(labels, Number.POSITIVE_INFINITY).map(([label, count]) => ({ label, count })),
    bytesBySender: [...bytes]
      .sort(
        byCountThenKey(
          ([, entry]) => entry.bytes,
          ([address]) => address,
        ),
      )
      .slice(0, TOP_LIMIT)
      .map(([address, entry]) => ({ address, bytes: entry.bytes, messages: entry.count })),
  };
}
