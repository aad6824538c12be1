import { deriveAccount, EARLIEST_VALID_TIME, isValidTime } from '../mail/index.ts';
import type { DerivedFacts } from '../mail/types.ts';
import { storedColumns } from './message-columns.ts';
import { DAY_MS } from './time/zone-clock.ts';
import { latestTimeBound } from './time-bound.ts';
import type { ReportInput } from './types.ts';

/**
 * Whether the stored derivation could differ from one made with the report's as-of time: a
 * message's validity (and so whether it is threaded, joins by subject, or is walked) depends on
 * the as-of time, while stored threads were derived when the data was stored.
 */
export function threadsNeedRederivation(input: ReportInput): boolean {
  const derivedAsOf = input.threadsDerivedAsOf;
  if (derivedAsOf === null || derivedAsOf === undefined) return true;
  if (derivedAsOf === input.asOf) return false;
  const stored = storedColumns(input.messages);
  if (stored === null) {
    return input.messages.some((m) => isValidTime(m.time, input.asOf) !== isValidTime(m.time, derivedAsOf));
  }
  // Validity differs between the two instants only for the times a day past the earlier one and
  // up to a day past the later one (and not before the earliest valid time, invalid for both).
  const after = Math.min(input.asOf, derivedAsOf) + DAY_MS;
  if (latestTimeBound(stored) <= after) return false;
  const upTo = Math.max(input.asOf, derivedAsOf) + DAY_MS;
  const { time } = stored;
  for (let i = 0; i < stored.count; i++) {
    const t = time[i]!;
    if (t > after && t <= upTo && t >= EARLIEST_VALID_TIME) return true;
  }
  return false;
}

/**
 * The derivations (counted, direction, echo, thread) the report must use in place of the stored
 * ones, per row id; null when the stored ones already match the report's as-of time.
 */
export function threadKeysForReport(input: ReportInput): Map<number, DerivedFacts> | null {
  if (!threadsNeedRederivation(input)) return null;
  const result = new Map<number, DerivedFacts>();
  for (const account of input.accounts) {
    const messages = input.messages
      .filter((m) => m.accountId === account.id)
      .sort((a, b) => a.rowId - b.rowId);
    const derived = deriveAccount(messages, account.identities, {
      countSpamTrash: input.countSpamTrash ?? false,
      asOfMs: input.asOf,
    });
    for (const [rowId, facts] of derived) result.set(rowId, facts);
  }
  return result;
}
