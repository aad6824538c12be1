import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  checkMigrationOrder,
  defaultMigrationsFolder,
  latestVersion,
  loadMigrations,
  type Migration,
} from '../../electron/engine/db/migrations.ts';
import { openDatabase } from '../../electron/engine/db/open.ts';
import { ROOT } from '../paths.ts';
import { tempFolder, track } from './helpers.ts';

const shipped = loadMigrations();

const second: Migration = {
  version: 2,
  name: 'account_color',
  sql: "ALTER TABLE accounts ADD COLUMN color TEXT NOT NULL DEFAULT 'blue';",
};

function userVersion(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describe('migrations', () => {
  it('finds the repository folder from the module and reads the numbered files in order', () => {
    expect(defaultMigrationsFolder()).toBe(join(ROOT, 'migrations'));
    expect(shipped.map((migration) => migration.version)).toEqual(shipped.map((_, index) => index + 1));
    expect(shipped[0]!.name).toBe('initial');
  });

  it('brings a fresh database to the latest version with the expected tables', () => {
    const path = join(tempFolder(), 'fresh.db');
    const store = track(openDatabase(path));
    expect(store.db.pragma('user_version', { simple: true })).toBe(latestVersion(shipped));
    const tables = store.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => (row as { name: string }).name);
    expect(tables).toEqual([
      'account_labels',
      'accounts',
      'analytics_cache',
      'analytics_jobs',
      'brief_marks',
      'message_cache',
      'message_change_marks',
      'message_changes',
      'settings',
      'sqlite_sequence',
    ]);
  });

  it('upgrades from every earlier version, keeping the data', () => {
    const chain = [...shipped, { ...second, version: shipped.length + 1 }];
    for (let from = 0; from < chain.length; from += 1) {
      const path = join(tempFolder(), `from-${from}.db`);
      track(openDatabase(path, { migrations: chain.slice(0, from) })).close();
      if (from >= 1) {
        const db = new Database(path);
        db.prepare("INSERT INTO accounts (address, provider) VALUES ('kept@example.com', 'gmail')").run();
        db.close();
      }
      const store = track(openDatabase(path, { migrations: chain }));
      expect(store.db.pragma('user_version', { simple: true })).toBe(chain.length);
      const rows = store.db.prepare('SELECT address, color FROM accounts').all();
      expect(rows).toEqual(from >= 1 ? [{ address: 'kept@example.com', color: 'blue' }] : []);
    }
  });

  it('applies pending migrations in one transaction: a failing step leaves the old version intact', () => {
    const path = join(tempFolder(), 'atomic.db');
    track(openDatabase(path, { migrations: shipped })).close();
    const broken = [
      ...shipped,
      { ...second, version: shipped.length + 1 },
      { version: shipped.length + 2, name: 'bad', sql: 'CREATE TABLE;' },
    ];
    expect(() => openDatabase(path, { migrations: broken })).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
    expect(userVersion(path)).toBe(shipped.length);
    const db = new Database(path, { readonly: true });
    expect(
      db.prepare('SELECT * FROM pragma_table_info(?) WHERE name = ?').get('accounts', 'color'),
    ).toBeUndefined();
    db.close();
  });

  it('refuses gaps and duplicates in the numbering', () => {
    expect(() => checkMigrationOrder([shipped[0]!, { ...second, version: 3 }])).toThrow(/missing/);
    expect(() => checkMigrationOrder([shipped[0]!, { ...second, version: 1 }])).toThrow(/share version 1/);
    const folder = tempFolder();
    writeFileSync(join(folder, '001_initial.sql'), 'CREATE TABLE a (x);');
    writeFileSync(join(folder, '003_later.sql'), 'CREATE TABLE b (x);');
    expect(() => loadMigrations(folder)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    writeFileSync(join(folder, '3_badname.sql'), '');
    expect(() => loadMigrations(folder)).toThrow(/NNN_name/);
  });

  it('refuses a database from a newer version and leaves the file byte-identical', () => {
    const path = join(tempFolder(), 'future.db');
    const writer = new Database(path);
    writer.pragma('journal_mode = WAL');
    writer.exec('CREATE TABLE from_the_future (x); INSERT INTO from_the_future VALUES (1);');
    writer.pragma(`user_version = ${latestVersion(shipped) + 1}`);
    writer.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_INPUT' }));
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });
});
