/** Shared pieces of the engine integration tests: temporary folders, a fake clock, store snapshots. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach } from 'vitest';
import { Engine, type EngineOptions } from '../../electron/engine/engine.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { EXPECTED } from '../paths.ts';
import { seededRandom } from '../seeded-random.ts';

const folders: string[] = [];
const engines: Engine[] = [];
const suiteFolders: string[] = [];
const suiteEngines: Engine[] = [];

afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
afterAll(async () => {
  for (const engine of suiteEngines.splice(0)) await engine.close();
  for (const folder of suiteFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder removed after the test. */
export function tempFolder(prefix = 'brief-engine-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

export interface FakeClock {
  now: number;
  advance(ms: number): void;
  clock: () => number;
  /** A `sleep` for runUntilIdle that moves the clock instead of waiting. */
  sleep: (ms: number) => Promise<void>;
}

export function fakeClock(start = Date.UTC(2026, 0, 15, 12)): FakeClock {
  const state: FakeClock = {
    now: start,
    advance(ms) {
      state.now += ms;
    },
    clock: () => state.now,
    sleep: async (ms) => {
      state.now += ms;
    },
  };
  return state;
}

/** An in-process engine on a fresh database file, closed after the test. */
export function openEngine(options: Partial<EngineOptions> = {}): Engine {
  const databasePath = options.databasePath ?? join(tempFolder(), 'brief.db');
  const engine = Engine.open({ random: seededRandom(7), ...options, databasePath });
  engines.push(engine);
  return engine;
}

/** Every row of every table, sorted by every column: equal snapshots mean nothing was written. */
export function snapshotTables(engine: Engine): Record<string, unknown[]> {
  return snapshotOf(engineServicesForTests(engine).store.db);
}

/** The same, of a database file, read over a separate read-only connection. */
export function snapshotDatabase(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return snapshotOf(db);
  } finally {
    db.close();
  }
}

function snapshotOf(db: Database.Database): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all();
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`).all();
    const order = columns.map((column) => `"${column.name}"`).join(', ');
    snapshot[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all();
  }
  return snapshot;
}

/** An in-process engine shared by a whole file's tests (opened in beforeAll), closed after the file. */
export function openSuiteEngine(options: Partial<EngineOptions> = {}): Engine {
  const folder = mkdtempSync(join(tmpdir(), 'brief-suite-'));
  suiteFolders.push(folder);
  const engine = Engine.open({ random: seededRandom(7), ...options, databasePath: join(folder, 'brief.db') });
  suiteEngines.push(engine);
  return engine;
}

/** The small hand-built mailbox of the reply-walk case (24 messages in two mbox files). */
export const REPLY_WALK = join(EXPECTED, 'cases', '01-reply-walk');
export const REPLY_WALK_PATHS = [join(REPLY_WALK, 'inbox.mbox'), join(REPLY_WALK, 'sent.mbox')];

export { seededRandom };
