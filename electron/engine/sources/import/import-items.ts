/**
 * What the import's reading half hands its storing half: a message read and fitted to the
 * store's limits (with the sentence for the report when it was cut or read in part), or why a
 * message or file was skipped. Plain data, so it crosses from the reader's worker thread as is.
 */
import { formatCount } from '../../../../shared/plural.ts';
import { describeCuts, fitFactsToLimits } from '../../cache/message-facts-fit.ts';
import { MAX_MESSAGE_BYTES, type MessageFacts, type ReadItem } from '../../mail/index.ts';

export type ImportItem =
  | {
      kind: 'message';
      facts: MessageFacts;
      /** The message's bytes, only when the account keeps raw data. */
      raw: Uint8Array | null;
      file: string;
      offset: number;
      /** Why the message is stored cut or in part; null when it is whole. */
      shortened: string | null;
    }
  | { kind: 'skipped'; file: string; offset: number | null; reason: string };

const MAX_BYTES_SHOWN = `${MAX_MESSAGE_BYTES / (1024 * 1024)} MB`;

/** Fits what the mail reader read (fitted before the merge, so the merger compares what will be stored). */
export function toImportItem(item: ReadItem, keepRaw: boolean): ImportItem {
  if (item.kind === 'skipped') return item;
  const { file, offset } = item;
  const fit = fitFactsToLimits(item.facts);
  if (fit.kind === 'skip') return { kind: 'skipped', file, offset, reason: fit.reason };
  const cuts = [...fit.cuts];
  if (item.truncated)
    cuts.push(`only the first ${MAX_BYTES_SHOWN} of its ${formatCount(item.size)} bytes read`);
  return {
    kind: 'message',
    facts: fit.facts,
    raw: keepRaw ? item.raw : null,
    file,
    offset,
    shortened: cuts.length > 0 ? describeCuts(cuts) : null,
  };
}
