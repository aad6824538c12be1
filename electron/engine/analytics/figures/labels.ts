import type { LabelCount, SenderBytes } from '../../../../shared/report-types.ts';
import { byCountThenKey, increment, topCounts } from '../numbers.ts';
import type { Dataset } from '../prepare.ts';
import { datedIn } from '../scope.ts';
import type { ResolvedRange } from '../types.ts';
import { TOP_LIMIT } from './top-senders.ts';

export const labelsDefinition =
  'Counted messages in the range per label id (system labels such as INBOX, SENT and CATEGORY_UPDATES, and your own labels), sorted by count, then label.';

export const bytesBySenderDefinition =
  "Total size of the counted messages in the range per sender (Gmail's size estimate for synced mail, the message's size in bytes for imports), sorted by bytes, then address; top 50.";

/** Figure 13: messages per label, and bytes per sender. */
export function computeLabels(
  data: Dataset,
  range: ResolvedRange,
): { labels: LabelCount[]; bytesBySender: SenderBytes[] } {
  // Messages per label list number first (see ListDictionary), then per label; bytes and messages
  // per sender text number.
  const perList = new Float64Array(data.lists.length);
  const bytes = new Float64Array(data.texts.length);
  const messages = new Int32Array(data.texts.length);
  const inside = datedIn(data, range.from, range.to);
  for (let n = 0; n < inside.length; n++) {
    const i = inside[n]!;
    perList[data.labels[i]!]!++;
    const sender = data.sender[i]!;
    if (sender < 0) continue;
    bytes[sender]! += data.size[i]!;
    messages[sender]!++;
  }
  const labels = new Map<string, number>();
  for (let id = 0; id < perList.length; id++) {
    if (perList[id] === 0) continue;
    const list = data.lists[id]!;
    for (let i = 0; i < list.length; i++) {
      if (list.indexOf(list[i]!) === i) increment(labels, list[i]!, perList[id]!);
    }
  }
  const senders: number[] = [];
  for (let id = 0; id < messages.length; id++) if (messages[id]! > 0) senders.push(id);
  return {
    labels: topCounts(labels, Number.POSITIVE_INFINITY).map(([label, count]) => ({ label, count })),
    bytesBySender: senders
      .sort(
        byCountThenKey(
          (id) => bytes[id]!,
          (id) => data.texts[id]!,
        ),
      )
      .slice(0, TOP_LIMIT)
      .map((id) => ({ address: data.texts[id]!, bytes: bytes[id]!, messages: messages[id]! })),
  };
}
