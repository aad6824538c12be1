/**
 * Seeded random changes of the kinds a sync or an import makes (new messages, label changes,
 * re-stored facts, deletions, identity and setting changes) on generated mailboxes: the
 * incremental paths are checked against a whole recomputation after each.
 */
import type { AccountService } from '../../electron/engine/cache/account-service.ts';
import type { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import type { Store } from '../../electron/engine/db/store.ts';
import { generateMailbox, gmailMetadataOf } from '../../electron/engine/mail/generator/index.ts';
import { deriveAccount, factsFromGmail } from '../../electron/engine/mail/index.ts';
import type { MessageFacts } from '../../electron/engine/mail/types.ts';

/** A generated mailbox's facts as a sync stores them; without Gmail's thread ids when not `threaded`. */
export function generated(
  seed: number,
  count: number,
  threaded: boolean,
  end: number,
  identities: string[],
): MessageFacts[] {
  return [...generateMailbox({ seed, messages: count, identities, end, years: 1 })].map((message) => {
    const facts = factsFromGmail(gmailMetadataOf(message));
    return threaded ? facts : { ...facts, providerThreadId: null };
  });
}

/** Where the changes go: the account's store, and the messages still to arrive (taken from the front). */
export interface ChangeTarget {
  messages: MessageCacheService;
  accounts: AccountService;
  accountId: number;
  held: MessageFacts[];
  provider: 'gmail' | 'import';
}

const LABELS = ['TRASH', 'SPAM', 'SENT', 'DRAFT', 'INBOX', 'UNREAD', 'Label_1'];

/** One random change; `alias` is the identity added and removed. Returns the change's name. */
export function randomChange(random: () => number, target: ChangeTarget, alias: string): string {
  const { messages, accounts, accountId, held, provider } = target;
  const stored = [...messages.iterateMessages({ accountId })];
  const pick = () => stored[Math.floor(random() * stored.length)]!;
  const roll = random();
  if (roll < 0.35 && held.length > 0) {
    const batch = held.splice(0, 1 + Math.floor(random() * 12));
    messages.cacheBulk(
      accountId,
      provider,
      batch.map((facts) => ({ facts })),
    );
    return 'new messages';
  }
  if (roll < 0.6) {
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      const message = pick();
      const label = LABELS[Math.floor(random() * LABELS.length)]!;
      const labels = message.labels.includes(label)
        ? message.labels.filter((existing) => existing !== label)
        : [...message.labels, label];
      messages.updateLabels(accountId, provider, message.providerId, labels);
    }
    return 'label changes';
  }
  if (roll < 0.7) {
    const {
      id: _id,
      accountId: _account,
      provider: _provider,
      counted: _c,
      direction: _d,
      echo: _e,
      threadKey: _t,
      ...facts
    } = pick();
    messages.cacheBulk(accountId, provider, [
      { facts: { ...facts, labels: [...facts.labels, 'Label_2'], size: facts.size + 1 } },
    ]);
    return 'facts re-stored';
  }
  if (roll < 0.85) {
    const gone = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick().providerId);
    messages.deleteMessages(accountId, provider, gone);
    return 'deletions';
  }
  if (roll < 0.95) {
    const account = accounts.getAccount(accountId);
    if (account.identities.includes(alias)) accounts.removeIdentity(accountId, alias);
    else accounts.addIdentity(accountId, alias);
    return 'identity change';
  }
  const settings = accounts.getSettings(accountId);
  accounts.updateSettings(accountId, { includeSpamTrash: !settings.includeSpamTrash });
  return 'setting change';
}

/** What storedAndFresh reads: the account's store and services. */
export interface DerivedAccount {
  store: Store;
  accounts: AccountService;
  messages: MessageCacheService;
  accountId: number;
}

/** Every stored row's derivation beside a fresh whole-account pass's, in storage order. */
export function storedAndFresh({ store, accounts, messages, accountId }: DerivedAccount, asOfMs: number) {
  const rows = store.db
    .prepare(
      'SELECT id, counted, direction, echo, thread_key FROM message_cache WHERE account_id = ? ORDER BY id',
    )
    .all(accountId) as Array<{
    id: number;
    counted: number;
    direction: string;
    echo: number;
    thread_key: string | null;
  }>;
  const inputs = [...messages.iterateMessages({ accountId })]
    .map((m) => ({ ...m, rowId: m.id }))
    .sort((a, b) => a.rowId - b.rowId);
  const account = accounts.getAccount(accountId);
  const fresh = deriveAccount(inputs, account.identities, {
    countSpamTrash: account.settings.includeSpamTrash,
    asOfMs,
  });
  const stored = rows.map((row) => ({
    id: row.id,
    counted: row.counted === 1,
    direction: row.direction,
    echo: row.echo === 1,
    threadKey: row.thread_key,
  }));
  return { stored, fresh: rows.map((row) => ({ id: row.id, ...fresh.get(row.id)! })) };
}
