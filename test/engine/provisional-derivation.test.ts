/**
 * An import stores reconstructed messages with a provisional derivation (their own thread, their
 * own counted/direction/echo), so the whole-account derivation after it rewrites only the rows it
 * changes; the result stays exactly a whole derivation's, and Gmail-threaded mail keeps deriving
 * only what changed.
 */
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { ProvisionalDerivation } from '../../electron/engine/cache/provisional-derivation.ts';
import { rederiveAccount } from '../../electron/engine/derive-account.ts';
import { deriveChanges } from '../../electron/engine/derive-changes.ts';
import type { MessageFacts } from '../../electron/engine/mail/types.ts';
import { openTemp } from '../store/helpers.ts';
import { generated, storedAndFresh } from './random-changes.ts';

const END = Date.UTC(2026, 10, 1, 12);
const AS_OF = END + 3_600_000;
const ME = 'me@example.com';

/** An account holding the first `stored` messages, derived, and the rest still to import. */
function setup(threaded: boolean, stored = 300, count = 900) {
  const { store } = openTemp({ clock: () => AS_OF });
  const accounts = new AccountService(store);
  const messages = new MessageCacheService(store);
  const accountId = accounts.createAccount({ address: ME, provider: 'import' }).id;
  const all = generated(5, count, threaded, END, [ME]);
  messages.cacheBulk(
    accountId,
    'import',
    all.slice(0, stored).map((facts) => ({ facts })),
  );
  const services = { store, accounts, messages };
  rederiveAccount(services, accountId, AS_OF);
  const derived = { store, accounts, messages, accountId };
  const rows = () => storedAndFresh(derived, AS_OF).stored;
  const fresh = () => storedAndFresh(derived, AS_OF).fresh;
  const importRest = () =>
    messages.cacheFitted(
      accountId,
      'import',
      all.slice(stored).map((facts: MessageFacts) => ({ facts })),
      new ProvisionalDerivation([ME], false, messages.hasSentLabel(accountId)),
    );
  return { services, accounts, accountId, rows, fresh, importRest, stored };
}

describe('an import with a provisional derivation', () => {
  it('stores reconstructed messages as threads of their own, and the derivation after it rewrites only the rows it changes', () => {
    const { services, accounts, accountId, rows, fresh, importRest, stored } = setup(false);
    const { inserted } = importRest();
    expect(inserted).toBe(600);

    const before = rows();
    const whole = fresh();
    for (const [i, row] of before.entries()) {
      if (i < stored) continue;
      expect(row.threadKey).toBe(`r:${row.id}`);
      // Counted, direction and echo follow from the message itself: right as stored.
      expect({ ...row, threadKey: null }).toEqual({ ...whole[i], threadKey: null });
    }
    // Storing them forgot the account's derivation: the next one is whole, not only what changed.
    expect(accounts.getAccount(accountId).derivedAnySent).toBeNull();
    expect(deriveChanges(services, accountId, AS_OF)).toBeNull();

    const differing = before.filter((row, i) => JSON.stringify(row) !== JSON.stringify(whole[i])).length;
    const changed = rederiveAccount(services, accountId, AS_OF);
    expect(rows()).toEqual(whole);
    expect(changed).toBe(differing);
    // Most messages open their thread: far fewer rows are written than were stored.
    expect(changed).toBeLessThan(inserted / 2);
  });

  it('leaves Gmail-threaded messages to derive one by one, as a sync stores them', () => {
    const { services, accounts, accountId, rows, fresh, importRest, stored } = setup(true);
    importRest();
    for (const row of rows().slice(stored)) expect(row.threadKey).toBeNull();
    expect(accounts.getAccount(accountId).derivedAnySent).not.toBeNull();
    expect(deriveChanges(services, accountId, AS_OF)).toBe(600);
    expect(rows()).toEqual(fresh());
  });
});
