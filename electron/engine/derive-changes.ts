/**
 * Re-derives only what changed since an account's last derivation, when that gives exactly what
 * a whole-account pass would (test/engine/derive-changes.test.ts checks it on random changes).
 *
 * What changed is marked in the store: a new message has no thread key yet, and a message that
 * changes or goes clears the key of its reconstructed thread (or its own, in a Gmail thread; see
 * message-statements.ts). A message in a Gmail thread derives from itself alone, given the
 * account's identities, its spam/trash setting and whether any message has the SENT label; so
 * when those still hold and the as-of instant makes no stored time valid or invalid that was not
 * before, the marked Gmail-threaded messages are derived one by one and nothing else is read.
 * Anything else (a reconstructed thread marked, identities or settings changed, the first SENT
 * message) answers null: the caller derives the whole account.
 */
import type { AccountService } from './cache/account-service.ts';
import type { MessageCacheService } from './cache/message-cache-service.ts';
import type { Store } from './db/store.ts';
import { EARLIEST_VALID_TIME } from './mail/date.ts';
import { factsFromFlags, identitySet, ownFlags } from './mail/derive.ts';

const DAY_MS = 86_400_000;

export interface DerivationServices {
  store: Store;
  accounts: AccountService;
  messages: MessageCacheService;
}

/** Whether some stored time is valid at one as-of instant and not at the other (mail/date.ts isValidTime). */
function validityMoved(messages: MessageCacheService, accountId: number, a: number, b: number): boolean {
  if (a === b) return false;
  const from = Math.max(Math.min(a, b) + DAY_MS, EARLIEST_VALID_TIME - 1);
  const to = Math.max(a, b) + DAY_MS;
  return to > from && messages.anyTimeBetween(accountId, from, to);
}

/** How many rows changed, or null when only a whole-account derivation is exact. */
export function deriveChanges(
  services: DerivationServices,
  accountId: number,
  asOfMs: number,
): number | null {
  const { store, accounts, messages } = services;
  // One write transaction: what is read (the account, the marks) is what gets written over.
  return store.transaction(() => {
    const account = accounts.getAccount(accountId);
    const anySent = account.derivedAnySent;
    if (anySent === null || account.derivedAsOf === null) return null;
    if (messages.hasSentLabel(account.id) !== anySent) return null;
    if (validityMoved(messages, account.id, account.derivedAsOf, asOfMs)) return null;
    const pending = messages.pendingDerivation(account.id);
    const updates = [];
    const own = identitySet(account.identities);
    for (const row of pending) {
      if (row.providerThreadId === null) return null;
      const flags = ownFlags(row, own, account.settings.includeSpamTrash);
      updates.push({ id: row.rowId, ...factsFromFlags(flags, anySent, row.providerThreadId) });
    }
    const changed = updates.length > 0 ? messages.updateDerived(account.id, updates) : 0;
    accounts.setDerived(account.id, asOfMs, anySent);
    return changed;
  });
}
