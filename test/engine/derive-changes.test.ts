/**
 * The derivation that follows the change gives exactly what a whole-account derivation gives:
 * random changes (new messages, label changes, re-stored facts, deletions, identity and setting
 * changes) on generated mailboxes, seeded; after each, every row's stored derivation is compared
 * with a fresh in-memory pass over the whole account, and the report with one that re-derives.
 */
import { describe, expect, it } from 'vitest';
import {
  computeReport,
  loadAnalyticsMessages,
  loadReportAccounts,
} from '../../electron/engine/analytics/index.ts';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { rederiveAccount } from '../../electron/engine/derive-account.ts';
import { deriveChanges } from '../../electron/engine/derive-changes.ts';
import type { MessageFacts } from '../../electron/engine/mail/types.ts';
import { seededRandom } from '../seeded-random.ts';
import { openTemp } from '../store/helpers.ts';
import { generated, randomChange, storedAndFresh } from './random-changes.ts';

const END = Date.UTC(2026, 10, 1, 12);
const AS_OF = END + 3_600_000;
const IDENTITY = 'me@example.com';
const ALIAS = 'me.alias@example.com';

function setup(seed: number, threaded: boolean, count = 700, edit = (facts: MessageFacts) => facts) {
  const { store } = openTemp({ clock: () => AS_OF });
  const accounts = new AccountService(store);
  const messages = new MessageCacheService(store);
  const account = accounts.createAccount({ address: IDENTITY, provider: threaded ? 'gmail' : 'import' });
  const all = generated(seed, count, threaded, END, [IDENTITY, ALIAS]).map(edit);
  // Every sixth message arrives later, one batch at a time: old and new mail alike.
  const held = all.filter((_, i) => i % 6 === 0);
  const first = all.filter((_, i) => i % 6 !== 0);
  const provider: 'gmail' | 'import' = threaded ? 'gmail' : 'import';
  messages.cacheBulk(
    account.id,
    provider,
    first.map((facts) => ({ facts })),
  );
  const services = { store, accounts, messages };
  rederiveAccount(services, account.id, AS_OF);
  return { store, accounts, messages, services, accountId: account.id, held, provider };
}

type Setup = ReturnType<typeof setup>;

function report(context: Setup, threadsDerivedAsOf: number | null) {
  const { store, accountId, accounts } = context;
  return computeReport({
    messages: loadAnalyticsMessages(store, [accountId]),
    accounts: loadReportAccounts(store, [accountId]),
    timeZone: 'Europe/London',
    asOf: AS_OF,
    range: 'all',
    countSpamTrash: accounts.getSettings(accountId).includeSpamTrash,
    threadsDerivedAsOf,
  });
}

describe.each([
  ['Gmail-threaded', true],
  ['reconstructed threads', false],
])('deriving only what changed (%s mail)', (_name, threaded) => {
  it('gives every row and the report exactly as a whole-account derivation, for seeded random changes', () => {
    for (const seed of [11, 12]) {
      const context = setup(seed, threaded);
      const random = seededRandom(seed * 7919);
      const kinds = new Map<string, number>();
      let followed = 0;
      for (let step = 0; step < 24; step++) {
        const kind = randomChange(random, context, ALIAS);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        if (deriveChanges(context.services, context.accountId, AS_OF) !== null) followed++;
        else rederiveAccount(context.services, context.accountId, AS_OF, { whole: true });
        const { stored, fresh } = storedAndFresh(context, AS_OF);
        expect(stored, `seed ${seed}, step ${step}: ${kind}`).toEqual(fresh);
        if (step % 6 === 5) expect(report(context, AS_OF)).toEqual(report(context, null));
      }
      expect([...kinds.keys()].sort()).toEqual(
        [
          'deletions',
          'facts re-stored',
          'identity change',
          'label changes',
          'new messages',
          'setting change',
        ].filter((k) => kinds.has(k)),
      );
      expect(kinds.size).toBeGreaterThanOrEqual(5);
      // Gmail's threads follow the change most of the time; reconstructed ones fall back whole.
      if (threaded) expect(followed).toBeGreaterThan(10);
      else expect(followed).toBeLessThan(24);
    }
  });
});

describe('deriving only what changed, account-wide facts', () => {
  it('derives the whole account when the first SENT label arrives or the last one goes', () => {
    const context = setup(5, true, 300, (facts) => ({
      ...facts,
      labels: facts.labels.filter((label) => label !== 'SENT'),
    }));
    const [first] = [...context.messages.iterateMessages({ accountId: context.accountId })];
    context.messages.updateLabels(context.accountId, 'gmail', first!.providerId, [...first!.labels, 'SENT']);
    expect(deriveChanges(context.services, context.accountId, AS_OF)).toBeNull();
    rederiveAccount(context.services, context.accountId, AS_OF);
    let { stored, fresh } = storedAndFresh(context, AS_OF);
    expect(stored).toEqual(fresh);
    context.messages.updateLabels(context.accountId, 'gmail', first!.providerId, first!.labels);
    rederiveAccount(context.services, context.accountId, AS_OF);
    ({ stored, fresh } = storedAndFresh(context, AS_OF));
    expect(stored).toEqual(fresh);
  });

  it('derives the whole account when the as-of instant makes a stored time valid that was not', () => {
    const context = setup(6, false, 300);
    const future = context.held[0]!;
    context.messages.cacheBulk(context.accountId, 'import', [
      { facts: { ...future, time: AS_OF + 3 * 86_400_000 } },
    ]);
    rederiveAccount(context.services, context.accountId, AS_OF);
    const later = AS_OF + 5 * 86_400_000;
    expect(deriveChanges(context.services, context.accountId, later)).toBeNull();
    rederiveAccount(context.services, context.accountId, later);
    const { stored, fresh } = storedAndFresh(context, later);
    expect(stored).toEqual(fresh);
    // With nothing marked and no time changing validity, a later instant costs no pass at all.
    expect(deriveChanges(context.services, context.accountId, later + 1000)).toBe(0);
  });
});
