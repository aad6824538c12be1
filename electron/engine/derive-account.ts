/**
 * Recomputes an account's derivations (counted, direction, echo, thread) from its stored facts:
 * after each import or sync batch, and when its identities or spam/trash setting change
 * (ARCHITECTURE.md "The store": never trusted from the moment a message arrived).
 */
import type { AccountService } from './cache/account-service.ts';
import type { MessageCacheService } from './cache/message-cache-service.ts';
import { type DerivableMessage, deriveAccount } from './mail/index.ts';

export function rederiveAccount(
  accountId: number,
  accounts: AccountService,
  messages: MessageCacheService,
  asOfMs: number,
): number {
  const account = accounts.getAccount(accountId);
  const rows: DerivableMessage[] = [];
  for (const message of messages.iterateMessages({ accountId })) {
    rows.push(Object.assign(message, { rowId: message.id }));
  }
  rows.sort((a, b) => a.rowId - b.rowId);
  const derived = deriveAccount(rows, account.identities, {
    countSpamTrash: account.settings.includeSpamTrash,
    asOfMs,
  });
  const updates = [];
  for (const [id, facts] of derived) updates.push({ id, ...facts });
  const changed = messages.updateDerived(accountId, updates);
  accounts.setDerivedAsOf(accountId, asOfMs);
  return changed;
}
