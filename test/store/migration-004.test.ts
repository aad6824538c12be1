/** Migration 004 (brief_marks): a version-3 database with rows, migrated. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AccountService } from '../../electron/engine/cache/account-service.ts';
import { BriefMarkService } from '../../electron/engine/cache/brief-marks.ts';
import { loadMigrations } from '../../electron/engine/db/migrations.ts';
import { openDatabase } from '../../electron/engine/db/open.ts';
import { expectIndexed, tempFolder, track } from './helpers.ts';

describe('migration 004: the last brief delivered per account', () => {
  it('keeps the accounts, starts with no mark, keeps marks per account, forgets them with the account', () => {
    const path = join(tempFolder(), 'v3.db');
    const old = openDatabase(path, { migrations: loadMigrations().slice(0, 3) });
    old.db
      .prepare(
        "INSERT INTO accounts (id, address, provider) VALUES (1, 'me@example.com', 'gmail'), (2, 'you@example.com', 'import')",
      )
      .run();
    old.close();

    const store = track(openDatabase(path));
    const accounts = new AccountService(store);
    expect(accounts.listAccounts().map((account) => account.address)).toEqual([
      'me@example.com',
      'you@example.com',
    ]);
    const marks = new BriefMarkService(store);
    expect(marks.get([1, 2]).size).toBe(0);
    marks.set(
      new Map([
        [1, { seenAt: '2026-02-01T08:30:00.000Z', threads: new Set(['t1', 't2']) }],
        [2, { seenAt: '2026-02-01T08:30:00.000Z', threads: new Set<string>() }],
      ]),
    );
    expect(marks.get([1]).get(1)?.threads).toEqual(new Set(['t1', 't2']));
    accounts.forgetAccount(1);
    expect([...marks.get([1, 2]).keys()]).toEqual([2]);
    expectIndexed(
      store,
      'SELECT account_id, seen_at, threads FROM brief_marks WHERE account_id = ?',
      [2],
      /INTEGER PRIMARY KEY/,
    );
  });
});
