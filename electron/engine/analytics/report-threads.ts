import { deriveAccount, isValidTime } from '../mail/index.ts';
import type { DerivedFacts } from '../mail/types.ts';
import { storedColumns } from './message-columns.ts';
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
  for (let i = 0; i < stored.count; i++) {
    const time = stored.time[i]!;
    if (isValidTime(time, input.asOf) !== isValidTime(time, derivedAsOf)) return true;
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
