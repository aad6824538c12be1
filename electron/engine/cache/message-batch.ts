/**
 * Validation of a batch for `cacheBulk`, message by message. A wrong type is a caller's bug and
 * refuses the whole batch (nothing is written); a value past a limit is hostile mail, which must
 * never stop an account: that message is fitted (or skipped) and reported, the others stored.
 */
import { z } from 'zod';
import type { MessageFacts } from '../mail/types.ts';
import { describeCuts, fitFactsToLimits } from './message-facts-fit.ts';
import { messageFactsSchema, messageFactsShape } from './message-facts-schema.ts';
import { parseInput } from './parse-input.ts';

export interface CacheItem {
  facts: MessageFacts;
  raw?: Buffer;
}

/** A message that was not stored as it came: cut to the limits, or skipped. */
export interface ReportedMessage {
  providerId: string;
  outcome: 'cut' | 'skipped';
  reason: string;
}

export const MAX_BATCH = 10_000;

const itemSchema = z.strictObject({ facts: messageFactsSchema, raw: z.instanceof(Buffer).optional() });
const itemShape = z.strictObject({ facts: messageFactsShape, raw: z.instanceof(Buffer).optional() });
const batchSchema = z.array(z.unknown()).max(MAX_BATCH);

export function validateBatch(items: unknown): { items: CacheItem[]; reported: ReportedMessage[] } {
  const batch = parseInput(batchSchema, items, 'The message batch');
  const valid: CacheItem[] = [];
  const reported: ReportedMessage[] = [];
  for (const item of batch) {
    const limited = itemSchema.safeParse(item);
    if (limited.success) {
      valid.push(limited.data);
      continue;
    }
    const shaped = itemShape.safeParse(item);
    // Parsed again as a batch only to name the bad item's index in the sentence.
    if (!shaped.success) parseInput(z.array(itemShape), batch, 'The message batch');
    const { facts, raw } = shaped.data!;
    const fit = fitFactsToLimits(facts);
    if (fit.kind === 'skip') {
      reported.push({ providerId: facts.providerId, outcome: 'skipped', reason: fit.reason });
      continue;
    }
    valid.push(raw === undefined ? { facts: fit.facts } : { facts: fit.facts, raw });
    reported.push({ providerId: facts.providerId, outcome: 'cut', reason: describeCuts(fit.cuts) });
  }
  return { items: valid, reported };
}
