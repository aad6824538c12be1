/**
 * An import into an empty account follows the account's derivation as it stores the rows
 * (import-derivation.ts): its end reads nothing back, and the rows end exactly as a whole-account
 * derivation from the store leaves them. Whenever following would not be exact it steps aside
 * and the end derives from the store, with the same result.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { MessageCacheService } from '../../electron/engine/cache/message-cache-service.ts';
import { ProvisionalDerivation } from '../../electron/engine/cache/provisional-derivation.ts';
import { rederiveAccount } from '../../electron/engine/derive-account.ts';
import type { Engine } from '../../electron/engine/engine.ts';
import { writeMbox } from '../../electron/engine/mail/generator/index.ts';
import { DuplicateMerger } from '../../electron/engine/mail/index.ts';
import type { MessageFacts } from '../../electron/engine/mail/types.ts';
import { ImportBatch } from '../../electron/engine/sources/import/import-batch.ts';
import { ImportDerivation } from '../../electron/engine/sources/import/import-derivation.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { openTemp } from '../store/helpers.ts';
import { fakeClock, openEngine, tempFolder } from './helpers.ts';
import { generated } from './random-changes.ts';

const ME = 'me@example.com';
const AS_OF = Date.UTC(2026, 0, 15, 12);

/** Generated mail without Takeout thread ids (every thread reconstructed); `relabel` adds a label to every copy. */
async function unthreadedMbox(folder: string, name: string, relabel = false): Promise<string> {
  const path = join(folder, name);
  await writeMbox(path, { seed: 7, messages: 2_500, identities: [ME], end: AS_OF - 86_400_000, years: 1 });
  let text = readFileSync(path, 'latin1').replaceAll('\nX-GM-THRID:', '\nX-Thread-Note:');
  if (relabel) text = text.replaceAll('\nX-Gmail-Labels: ', '\nX-Gmail-Labels: Copied,');
  writeFileSync(path, text, 'latin1');
  return path;
}

async function runImport(engine: Engine, paths: string[]) {
  const job = await engine.call('import.start', { paths, account: ME });
  await engine.runner.runUntilIdle();
  const done = engineServicesForTests(engine).jobs.getJob(job.id);
  expect(done.status, JSON.stringify(done.error)).toBe('completed');
}

describe("an import's own derivation", () => {
  it('derives an empty account from what it stored, reading nothing back, exactly as from the store', async () => {
    const engine = openEngine({ clock: fakeClock(AS_OF).clock });
    const services = engineServicesForTests(engine);
    const folder = tempFolder('brief-follow-');
    // The second file's copies merge into rows stored batches before: relabelled as followed.
    const paths = [await unthreadedMbox(folder, 'a.mbox'), await unthreadedMbox(folder, 'b.mbox', true)];
    let readsBack = 0;
    const iterate = services.messages.iterateDerivationInputs.bind(services.messages);
    services.messages.iterateDerivationInputs = (accountId) => {
      readsBack += 1;
      return iterate(accountId);
    };
    await runImport(engine, paths);
    expect(readsBack).toBe(0);

    const accountId = services.accounts.listAccounts()[0]!.id;
    const rows = [...services.messages.iterateMessages({ accountId })];
    expect(rows.every((row) => row.labels.includes('Copied'))).toBe(true);
    const derived = services.accounts.getAccount(accountId);
    expect(derived.derivedAnySent).not.toBeNull();
    // A whole derivation from the store finds nothing to change, and the same SENT answer.
    expect(rederiveAccount(services, accountId, AS_OF, { whole: true })).toBe(0);
    expect(services.accounts.getAccount(accountId).derivedAnySent).toBe(derived.derivedAnySent);
    // Threads were joined (so the end did rewrite rows), not left one per message.
    expect(new Set(rows.map((row) => row.threadKey)).size).toBeLessThan(rows.length * 0.9);
  });
});

/** Stores `facts` as the import does, in batches of 100, with `between` run between two batches. */
function importInto(
  setup: ReturnType<typeof storeWith>,
  facts: MessageFacts[],
  { limit, between }: { limit?: number; between?: () => void } = {},
) {
  const { store, accounts, messages, accountId } = setup;
  const following = new ImportDerivation({ store, accounts, messages }, accountId, limit);
  const merger = new DuplicateMerger();
  const batch = new ImportBatch(store, messages, {
    accountId,
    provider: 'import',
    provisional: new ProvisionalDerivation([ME], false, messages.hasSentLabel(accountId), following),
    following,
  });
  let flushes = 0;
  for (const one of facts) {
    const merged = merger.add(one);
    if (merged.kind === 'new') batch.add({ facts: one });
    else batch.merge(merged);
    if (batch.size >= 100) {
      batch.flush();
      merger.stored();
      flushes += 1;
      if (flushes === 5) between?.();
    }
  }
  batch.flush();
  const followed = following.following;
  const written = following.finish(AS_OF);
  if (written === null) rederiveAccount({ store, accounts, messages }, accountId, AS_OF);
  lastWritten = written;
  return followed;
}

/** The rows the last followed import's end wrote (null: it derived from the store). */
let lastWritten: number | null = null;

function storeWith(stored: MessageFacts[] = []) {
  const { store } = openTemp({ clock: () => AS_OF });
  const accounts = new AccountService(store);
  const messages = new MessageCacheService(store);
  const accountId = accounts.createAccount({ address: ME, provider: 'import' }).id;
  if (stored.length > 0) {
    messages.cacheBulk(
      accountId,
      'import',
      stored.map((facts) => ({ facts })),
    );
    rederiveAccount({ store, accounts, messages }, accountId, AS_OF);
  }
  return { store, accounts, messages, accountId };
}

/** Whether the account's rows are exactly what a whole derivation from the store makes of them. */
function exact(setup: ReturnType<typeof storeWith>): boolean {
  const { store, accounts, messages, accountId } = setup;
  const anySent = accounts.getAccount(accountId).derivedAnySent;
  return (
    anySent !== null &&
    rederiveAccount({ store, accounts, messages }, accountId, AS_OF, { whole: true }) === 0 &&
    accounts.getAccount(accountId).derivedAnySent === anySent
  );
}

describe('following steps aside where it would not be exact', () => {
  const mail = generated(3, 1_200, false, AS_OF - 86_400_000, [ME]);
  /** A later copy of each of the first 50 messages, with other labels (merged into stored rows). */
  const copies = (labels: (facts: MessageFacts) => string[]) =>
    mail
      .slice(0, 50)
      .map((facts) => ({ ...facts, providerId: `${facts.providerId}-copy`, labels: labels(facts) }));

  it('follows a plain import of new mail and of copies with more labels', () => {
    const setup = storeWith();
    expect(importInto(setup, [...mail, ...copies((facts) => [...facts.labels, 'Copied'])])).toBe(true);
    expect(exact(setup)).toBe(true);
  });

  it('stores most rows with the thread they end in, so the end rewrites few', () => {
    const setup = storeWith();
    expect(importInto(setup, mail)).toBe(true);
    expect(exact(setup)).toBe(true);
    const { messages, accountId } = setup;
    const rows = [...messages.iterateMessages({ accountId })];
    const joined = rows.filter((row) => row.threadKey !== `r:${row.id}`).length;
    // Stored as threads of their own, every row that joined another's thread was rewritten.
    expect(joined).toBeGreaterThan(rows.length / 4);
    expect(lastWritten).toBeLessThan(joined / 4);
  });

  it('follows copies that make a binned message count: it joins the threads late', () => {
    const setup = storeWith();
    const binned = mail.map((facts, i) =>
      i < 50 ? { ...facts, labels: [...facts.labels, 'TRASH'] } : facts,
    );
    // Binned only where every copy is: the copies without TRASH make the stored rows count.
    const unbinned = copies((facts) => facts.labels.filter((label) => label !== 'TRASH'));
    expect(importInto(setup, [...binned, ...unbinned])).toBe(true);
    expect(exact(setup)).toBe(true);
  });

  it('into an account that already holds mail', () => {
    const setup = storeWith(mail.slice(0, 100));
    expect(importInto(setup, mail.slice(100))).toBe(false);
    expect(exact(setup)).toBe(true);
  });

  it('when another writer changes the account between two batches', () => {
    const setup = storeWith();
    const between = () =>
      setup.messages.updateLabels(setup.accountId, 'import', mail[3]!.providerId, ['TRASH']);
    expect(importInto(setup, mail, { between })).toBe(false);
    expect(exact(setup)).toBe(true);
  });

  it('when a merged copy makes a stored message stop counting', () => {
    const setup = storeWith();
    expect(importInto(setup, [...mail, ...copies((facts) => [...facts.labels, 'DRAFT'])])).toBe(false);
    expect(exact(setup)).toBe(true);
  });

  it('past its row limit', () => {
    const setup = storeWith();
    expect(importInto(setup, mail, { limit: 1_000 })).toBe(false);
    expect(exact(setup)).toBe(true);
  });
});
