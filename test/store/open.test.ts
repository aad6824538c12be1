import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../electron/engine/db/logger.ts';
import { openDatabase } from '../../electron/engine/db/open.ts';
import { APPLICATION_ID } from '../../electron/engine/db/ownership.ts';
import { appDataFolder, defaultDatabaseLocation } from '../../electron/engine/db/paths.ts';
import { openTemp, tempFolder, track } from './helpers.ts';

function recordingLogger(): Logger & { warnings: Array<[string, Record<string, unknown> | undefined]> } {
  const warnings: Array<[string, Record<string, unknown> | undefined]> = [];
  return {
    debug() {},
    info() {},
    error() {},
    warn: (message, fields) => warnings.push([message, fields]),
    warnings,
  };
}

describe('openDatabase', () => {
  it('creates the parent folder and sets WAL, foreign keys, busy timeout and synchronous=NORMAL', () => {
    const { store } = openTemp();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1);
  });

  it('reopens an existing database without migrating again', () => {
    const { store, path } = openTemp();
    store.db.prepare("INSERT INTO accounts (address, provider) VALUES ('a@example.com', 'gmail')").run();
    store.close();
    const again = track(openDatabase(path));
    expect(again.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 1 });
  });

  it.each([
    [
      'a text file',
      () => Buffer.from('this is not a database, just some words that fill the header area '.repeat(3)),
    ],
    ['a file shorter than the header', () => Buffer.from('SQLite format 3\0')],
    [
      "another program's SQLite database",
      () => {
        const other = join(tempFolder(), 'other.sqlite');
        const db = new Database(other);
        db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
        db.pragma('user_version = 2');
        db.close();
        return readFileSync(other);
      },
    ],
  ])(
    'refuses %s as not a 360Brief database, leaving it byte-identical with nothing beside it',
    (_, bytes) => {
      const folder = tempFolder();
      const path = join(folder, 'brief.db');
      const before = bytes();
      writeFileSync(path, before);
      expect(() => openDatabase(path)).toThrow(
        expect.objectContaining({
          code: 'UNSUPPORTED_INPUT',
          message: expect.stringMatching(/is not a 360Brief database/),
        }),
      );
      expect(readFileSync(path)).toEqual(before);
      expect(readdirSync(folder)).toEqual(['brief.db']);
    },
  );

  it('refuses an empty path and a folder with a sentence, and creates nothing for a read that must find a database', () => {
    const folder = tempFolder();
    expect(() => openDatabase('')).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => openDatabase(folder)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', message: expect.stringMatching(/is a folder/) }),
    );
    const missing = join(folder, 'nested', 'brief.db');
    expect(() => openDatabase(missing, { mustExist: true })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: expect.stringMatching(/brief demo/) }),
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it("creates the database 0600 (its WAL and SHM too) in a folder it creates 0700, marked as 360Brief's", () => {
    const { store, path } = openTemp();
    store.db.prepare("INSERT INTO accounts (address, provider) VALUES ('a@example.com', 'gmail')").run();
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(path)).mode & 0o777).toBe(0o700);
    expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    store.close();
    // In the header itself, where a damaged file is recognised by.
    expect(readFileSync(path).readUInt32BE(68)).toBe(APPLICATION_ID);
  });

  it('takes a database from before the application id as its own (and tightens its mode)', () => {
    const { store, path } = openTemp();
    store.db.prepare("INSERT INTO accounts (address, provider) VALUES ('a@example.com', 'gmail')").run();
    store.db.pragma('application_id = 0');
    store.close();
    chmodSync(path, 0o644);
    const again = track(openDatabase(path));
    expect(again.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(again.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 1 });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses a truncated database as CORRUPT_STORE', () => {
    const { store, path } = openTemp();
    store.db.exec(
      'CREATE TABLE filler (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO filler SELECT randomblob(4000) FROM n;',
    );
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const bytes = readFileSync(path);
    const truncated = join(tempFolder(), 'truncated.db');
    writeFileSync(truncated, bytes.subarray(0, 2048));
    expect(() => openDatabase(truncated)).toThrow(expect.objectContaining({ code: 'CORRUPT_STORE' }));
  });

  it('finds damage inside the file when asked to verify', () => {
    const { store, path } = openTemp();
    store.db.exec(
      'CREATE TABLE filler (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO filler SELECT randomblob(4000) FROM n;',
    );
    store.db.exec('CREATE INDEX filler_x ON filler (x);');
    store.close();
    const bytes = readFileSync(path);
    bytes.fill(0x41, 8192, bytes.length - 4096);
    const damaged = join(tempFolder(), 'damaged.db');
    writeFileSync(damaged, bytes);
    expect(() => openDatabase(damaged, { verify: true })).toThrow(
      expect.objectContaining({ code: 'CORRUPT_STORE' }),
    );
  });

  it('logs statements slower than 40 ms with their SQL, and only those', () => {
    const logger = recordingLogger();
    let elapsed = 0;
    let tick = 0;
    const timer = () => {
      tick += elapsed;
      return tick;
    };
    const { store } = openTemp({ logger, timer });
    const statement = store.prepare('SELECT count(*) AS n FROM accounts');
    elapsed = 39;
    statement.get();
    expect(logger.warnings).toEqual([]);
    elapsed = 41;
    statement.get();
    expect(logger.warnings).toEqual([['slow query', { sql: 'SELECT count(*) AS n FROM accounts', ms: 41 }]]);
  });
});

describe('defaultDatabaseLocation', () => {
  it("honours BRIEF_DB, a path a person named: not the app's own", () => {
    expect(defaultDatabaseLocation({ env: { BRIEF_DB: '/tmp/x.db' } })).toEqual({
      path: '/tmp/x.db',
      appOwnsPath: false,
    });
    expect(defaultDatabaseLocation({ env: {}, platform: 'linux', home: '/home/ann' }).appOwnsPath).toBe(true);
  });

  it("matches Electron's userData folder on each platform", () => {
    expect(defaultDatabaseLocation({ env: {}, platform: 'darwin', home: '/Users/ann' }).path).toBe(
      '/Users/ann/Library/Application Support/360Brief/brief.db',
    );
    expect(
      defaultDatabaseLocation({
        env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
        platform: 'win32',
        home: 'C:\\Users\\ann',
      }).path,
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\360Brief\\brief.db');
    expect(defaultDatabaseLocation({ env: {}, platform: 'linux', home: '/home/ann' }).path).toBe(
      '/home/ann/.config/360Brief/brief.db',
    );
    expect(appDataFolder({ env: { XDG_CONFIG_HOME: '/xdg' }, platform: 'linux', home: '/home/ann' })).toBe(
      '/xdg/360Brief',
    );
  });
});
