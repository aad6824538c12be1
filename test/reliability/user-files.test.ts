/**
 * Reliability row "The user's files" (docs/reliability.md): `--db` naming a text file, an mbox,
 * another program's SQLite database, a folder or nothing is refused with a sentence and the file is
 * never moved, replaced or written (nothing appears beside it either); commands that only read
 * never create a database; the database and logs are the user's alone (0600 / 0700); the demo's
 * mailbox is written with exclusive create in a private temporary folder and removed; `brief
 * accounts forget` names the account, asks first, and takes the account's refresh token out of the
 * vault.
 */
import { spawnSync } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FileVault } from '../../electron/engine/auth/file-vault.ts';
import { Engine } from '../../electron/engine/engine.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { runCli } from '../cli/run-cli.ts';
import { REPLY_WALK_PATHS } from '../engine/helpers.ts';

let root: string;
let case_ = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'brief-reliability-files-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh folder of the user's for one case. */
function folder(): string {
  const path = join(root, `case-${++case_}`);
  mkdirSync(path);
  return path;
}

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

const NOT_OURS: Array<[string, () => Buffer]> = [
  ['a text file', () => Buffer.from('Shopping: milk, eggs, the good bread.\nCall Ann back.\n')],
  ['an mbox', () => readFileSync(REPLY_WALK_PATHS[0]!)],
  ['an empty-looking file of zeros', () => Buffer.alloc(8192)],
  [
    "another program's SQLite database",
    () => {
      const path = join(root, `other-${case_}.sqlite`);
      const db = new Database(path);
      db.exec("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.com')");
      db.close();
      return readFileSync(path);
    },
  ],
];

const COMMANDS: string[][] = [
  ['accounts'],
  ['report'],
  ['jobs'],
  ['import', REPLY_WALK_PATHS[0]!, '--account', 'me@example.com'],
  ['demo', '--messages', '100'],
];

describe('--db naming a file that is not a 360Brief database', () => {
  for (const [what, bytes] of NOT_OURS) {
    it(`${what}: every command refuses with a sentence; the file is byte-identical and nothing appears beside it`, async () => {
      const home = folder();
      const path = join(home, 'notes.txt');
      const before = bytes();
      writeFileSync(path, before);
      for (const command of COMMANDS) {
        const run = await runCli([...command, '--db', path]);
        expect(run.code, `${command[0]}: ${run.stderr}`).not.toBe(0);
        expect(run.stderr).toMatch(
          /^brief: .*notes\.txt is not a 360Brief database \(.+\), so 360Brief leaves it as it is\./,
        );
        expect(readFileSync(path)).toEqual(before);
        expect(readdirSync(home)).toEqual(['notes.txt']);
      }
    });
  }

  it('--db "" and a folder are refused with a sentence (exit 2), the folder untouched', async () => {
    const empty = await runCli(['accounts', '--db', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/^brief: --db needs the path of a database file/);
    const home = folder();
    writeFileSync(join(home, 'keep.txt'), 'mine');
    for (const command of [['accounts'], ['import', REPLY_WALK_PATHS[0]!, '--account', 'me@example.com']]) {
      const run = await runCli([...command, '--db', home]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/is a folder; the database is a file in it, such as .*brief\.db/);
    }
    expect(readdirSync(home)).toEqual(['keep.txt']);
  });

  // Node's recursive mkdir loops for ever where the system answers "no such file" for a folder
  // whose parent exists, as /proc does: the command hung instead of answering.
  it.skipIf(process.platform !== 'linux')(
    'a --db where no folder can be made (under /proc) is refused with a sentence (Linux only: /proc)',
    async () => {
      const run = await runCli([
        'import',
        REPLY_WALK_PATHS[0]!,
        '--account',
        'me@example.com',
        '--db',
        '/proc/brief-no-such/brief.db',
      ]);
      expect(run.code, run.stderr).not.toBe(0);
      expect(run.stderr).toMatch(/^brief: Permission denied: 360Brief may not use \/proc\/brief-no-such\./m);
    },
  );
});

describe('commands that only read', () => {
  it('never create a database (nor its folder, nor logs)', async () => {
    const home = folder();
    const path = join(home, 'new', 'brief.db');
    for (const command of [['accounts'], ['accounts', 'list'], ['report'], ['jobs'], ['jobs', 'list']]) {
      const run = await runCli([...command, '--db', path]);
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(/There is no 360Brief database at .* yet: run `brief demo`/);
    }
    expect(readdirSync(home)).toEqual([]);
  });
});

describe('file modes', () => {
  it('the database, its WAL and SHM are 0600, the folder it creates and logs/ 0700, the log 0600', async () => {
    const home = folder();
    const data = join(home, 'data');
    const path = join(data, 'brief.db');
    const run = await runCli(['import', ...REPLY_WALK_PATHS, '--account', 'me@example.com', '--db', path]);
    expect(run.code, run.stderr).toBe(0);
    expect(modeOf(data)).toBe(0o700);
    expect(modeOf(path)).toBe(0o600);
    expect(modeOf(join(data, 'logs'))).toBe(0o700);
    expect(modeOf(join(data, 'logs', 'cli'))).toBe(0o700);
    expect(modeOf(join(data, 'logs', 'cli', 'cli.1.log'))).toBe(0o600);
    // While an engine has it open, the WAL and SHM exist: the same mode.
    const engine = Engine.open({ databasePath: path });
    try {
      engineServicesForTests(engine).store.db.prepare("UPDATE accounts SET sync_state = 'idle'").run();
      expect(modeOf(`${path}-wal`)).toBe(0o600);
      expect(modeOf(`${path}-shm`)).toBe(0o600);
    } finally {
      await engine.close();
    }
  });
});

describe("the demo's temporary mailbox", () => {
  const tmp = process.env.TMPDIR;
  afterEach(() => {
    if (tmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmp;
  });

  it('is private (0700 folder, 0600 file, exclusive create), does not follow a planted symlink, and is removed', async () => {
    const home = folder();
    const temporary = join(home, 'tmp');
    mkdirSync(temporary);
    process.env.TMPDIR = temporary;
    // What the old fixed path would have followed: a symlink to a file of the user's.
    const victim = join(home, 'thesis.txt');
    writeFileSync(victim, 'Chapter 1\n');
    mkdirSync(join(temporary, 'brief-demo'));
    symlinkSync(victim, join(temporary, 'brief-demo', 'demo-360-200.mbox'));

    const engine = Engine.open({ databasePath: join(home, 'brief.db') });
    const seen: Array<{ folderMode: number; fileMode: number }> = [];
    engine.on('job-progress', () => {
      if (seen.length > 0) return;
      const [own] = readdirSync(temporary).filter((name) => name.startsWith('brief-demo-'));
      const mbox = join(temporary, own!, 'demo.mbox');
      seen.push({ folderMode: modeOf(join(temporary, own!)), fileMode: modeOf(mbox) });
    });
    try {
      const { job } = await engine.call('demo.create', { messages: 200 });
      await engine.runner.runUntilIdle();
      expect(await engine.call('jobs.get', { jobId: job.id })).toMatchObject({ status: 'completed' });
    } finally {
      await engine.close();
    }
    expect(seen).toEqual([{ folderMode: 0o700, fileMode: 0o600 }]);
    expect(readFileSync(victim, 'utf8')).toBe('Chapter 1\n');
    expect(lstatSync(join(temporary, 'brief-demo', 'demo-360-200.mbox')).isSymbolicLink()).toBe(true);
    // Removed with its folder: only what was planted is left.
    expect(readdirSync(temporary)).toEqual(['brief-demo']);
  });

  /**
   * A private TMPDIR holding these folders (named from a pid that no longer runs: a child that
   * has exited), each with a small mailbox, as a killed run leaves them.
   */
  function temporaryWith(names: (dead: number) => string[]): { home: string; temporary: string } {
    const home = folder();
    const temporary = join(home, 'tmp');
    mkdirSync(temporary);
    process.env.TMPDIR = temporary;
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    for (const name of names(dead)) {
      mkdirSync(join(temporary, name), { mode: 0o700 });
      writeFileSync(join(temporary, name, 'demo.mbox'), 'From x\n', { mode: 0o600 });
    }
    return { home, temporary };
  }

  it("a folder left by a killed run is removed by the next demo job; a running process's is kept", async () => {
    const { home, temporary } = temporaryWith((dead) => [
      `brief-demo-${dead}-stale01`,
      `brief-demo-${process.ppid}-live01`,
    ]);
    const engine = Engine.open({ databasePath: join(home, 'brief.db') });
    try {
      const { job } = await engine.call('demo.create', { messages: 100 });
      await engine.runner.runUntilIdle();
      expect(await engine.call('jobs.get', { jobId: job.id })).toMatchObject({ status: 'completed' });
    } finally {
      await engine.close();
    }
    expect(readdirSync(temporary)).toEqual([`brief-demo-${process.ppid}-live01`]);
  });

  it('the folders of every kind a killed run left are removed when the engine starts, before any job', async () => {
    const live = `brief-uploads-${process.ppid}-live01`;
    const { home, temporary } = temporaryWith((dead) => [
      `brief-zip-${dead}-a`,
      `brief-uploads-${dead}-b`,
      `brief-demo-${dead}-c`,
      live,
    ]);
    const engine = Engine.open({ databasePath: join(home, 'brief.db') });
    await engine.close();
    expect(readdirSync(temporary)).toEqual([live]);
  });
});

describe('brief accounts forget', () => {
  async function withGmailAccounts(): Promise<{ path: string; vault: FileVault }> {
    const home = folder();
    const path = join(home, 'brief.db');
    const engine = Engine.open({ databasePath: path });
    for (const address of ['ann@gmail.example', 'bob@gmail.example'])
      await engine.call('accounts.registerGmail', { address });
    await engine.close();
    const vault = new FileVault(join(home, 'tokens.json'));
    for (const address of ['ann@gmail.example', 'bob@gmail.example'])
      vault.set(address, { refreshToken: `refresh-${address}`, scope: 'gmail.metadata' });
    return { path, vault };
  }

  it('needs the account named, and asks first: without a terminal and without --yes it refuses and keeps everything', async () => {
    const { path, vault } = await withGmailAccounts();
    const unnamed = await runCli(['accounts', 'forget', '--db', path]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toMatch(/^brief: Name the account to forget/);
    const unconfirmed = await runCli(['accounts', 'forget', 'ann@gmail.example', '--db', path]);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/cannot be undone, so brief asks first.*Add --yes/);
    const listed = await runCli(['accounts', '--db', path]);
    expect(listed.stdout).toMatch(/ann@gmail\.example/);
    expect(vault.addresses()).toEqual(['ann@gmail.example', 'bob@gmail.example']);
  });

  it('with --yes forgets the account and removes its refresh token from the CLI vault, leaving the others', async () => {
    const { path, vault } = await withGmailAccounts();
    const run = await runCli(['accounts', 'forget', 'ann@gmail.example', '--yes', '--db', path]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Forgot ann@gmail\.example/);
    expect(vault.addresses()).toEqual(['bob@gmail.example']);
    expect(modeOf(vault.path)).toBe(0o600);
    const listed = await runCli(['accounts', '--db', path]);
    expect(listed.stdout).not.toMatch(/ann@gmail\.example/);
    expect(listed.stdout).toMatch(/bob@gmail\.example/);
  });
});
