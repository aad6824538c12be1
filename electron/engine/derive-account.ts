/**
 * Recomputes an account's derivations (counted, direction, echo, thread) from its stored facts:
 * after each import or sync batch, and when its identities or spam/trash setting change
 * (docs/store.md "Deriving what changed": derivations are never trusted from the moment a message arrived).
 *
 * Cost follows the change where that is exact (derive-changes.ts); otherwise two streaming
 * passes keep memory small however large the account: the first reads only the columns the
 * derivations need into compact arrays, the second pages through the rows again and writes their
 * facts a page per transaction.
 */
import { BriefError } from '../../shared/errors.ts';
import { type DerivationServices, deriveChanges } from './derive-changes.ts';
import { AccountDerivation } from './mail/derive.ts';
import type { DerivedFacts } from './mail/types.ts';

export type { DerivationServices };

const PAGE = 5000;

/** Derives what changed, or the whole account when that is the only exact way (or `whole` asks); returns the rows changed. */
export function rederiveAccount(
  services: DerivationServices,
  accountId: number,
  asOfMs: number,
  { whole = false }: { whole?: boolean } = {},
): number {
  if (!whole) {
    const changed = deriveChanges(services, accountId, asOfMs);
    if (changed !== null) return changed;
  }
  return deriveWholeAccount(services, accountId, asOfMs);
}

function deriveWholeAccount(
  { accounts, messages }: DerivationServices,
  accountId: number,
  asOfMs: number,
): number {
  const account = accounts.getAccount(accountId);
  const derivation = new AccountDerivation(
    account.identities,
    { countSpamTrash: account.settings.includeSpamTrash, asOfMs },
    // Counted in an index: the cache stats read every row of the account (sizes, time span).
    messages.countMessages(accountId),
  );
  for (const input of messages.iterateDerivationInputs(accountId)) derivation.add(input);
  derivation.finish();

  let changed = 0;
  let index = 0;
  for (let after = 0; ; ) {
    const page = messages.threadIdsAfter(accountId, after, PAGE);
    if (page.length === 0) break;
    if (index + page.length > derivation.size) throw changedUnderfoot(accountId);
    const updates = [];
    for (const row of page) {
      if (row.id !== derivation.rowIdAt(index)) throw changedUnderfoot(accountId);
      const next = derivation.derivedAt(index++, row.providerThreadId);
      // Most rows derive as before: write only those that changed.
      if (!sameDerivation(row.derived, next)) updates.push({ id: row.id, ...next });
    }
    if (updates.length > 0) changed += messages.updateDerived(accountId, updates);
    after = page[page.length - 1]!.id;
  }
  if (index !== derivation.size) throw changedUnderfoot(accountId);
  accounts.setDerived(accountId, asOfMs, derivation.anySent);
  return changed;
}

function sameDerivation(a: DerivedFacts, b: DerivedFacts): boolean {
  return (
    a.counted === b.counted && a.direction === b.direction && a.echo === b.echo && a.threadKey === b.threadKey
  );
}

function changedUnderfoot(accountId: number): BriefError {
  return new BriefError(
    'CONFLICT',
    `The messages of account ${accountId} changed while its threads were worked out; derive it again.`,
  );
}
