/**
 * Reliability row "Shared store" (docs/reliability.md): the app and `brief` share one database, so
 * several processes write it at once. Real processes of the built CLI: two `brief import` of
 * different folders into one database while `brief serve` reads it (and runs its own jobs); two
 * first imports for the same new address; an account forgotten while its import runs, in a `brief
 * import` and inside `brief serve`; and a first sync whose process was killed, resumed by `brief
 * sync`. No command fails, no job is left pending or processing, and `brief serve` keeps answering.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { writeMbox } from '../../electron/engine/mail/generator/index.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { startEmulator } from '../emulator/server.ts';
import { cacheState, mailboxState } from '../sync/harness.ts';
import {
  brief,
  emulatorConnectOptions,
  requireFreshBuild,
  type Served,
  serve,
  startBrief,
} from './brief-process.ts';
import { FULL, trialSeed } from './mode.ts';

const ROW = 10;
const TRIALS = FULL ? 20 : 3;
const PER_FOLDER = 1500;
/** Large enough that a forget lands while the import is still reading. */
const LARGE = 20_000;

let root: string;
let folders: string[];
let large: string;

beforeAll(async () => {
  requireFreshBuild();
  root = mkdtempSync(join(tmpdir(), 'brief-reliability-shared-'));
  folders = [];
  for (const [index, who] of ['ann', 'bob'].entries()) {
    const folder = join(root, who);
    mkdirSync(folder);
    // Two files per folder: a folder import, as a Takeout of several labels would be.
    for (const part of [0, 1]) {
      await writeMbox(join(folder, `part-${part}.mbox`), {
        seed: trialSeed(ROW, 100 + index * 2 + part),
        messages: PER_FOLDER / 2,
        identities: [`${who}@example.com`],
      });
    }
    folders.push(folder);
  }
  large = join(root, 'large.mbox');
  await writeMbox(large, { seed: trialSeed(ROW, 200), messages: LARGE, identities: ['cat@example.com'] });
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

function freshDatabase(name: string): string {
  const folder = join(root, name);
  mkdirSync(folder);
  return join(folder, 'brief.db');
}

/** Reads through `brief serve` until `until` settles; every answer must be a value. */
async function keepReading(
  served: Served,
  until: Promise<unknown>,
): Promise<{ reads: number; failures: unknown[] }> {
  let settled = false;
  void until.finally(() => {
    settled = true;
  });
  const failures: unknown[] = [];
  let reads = 0;
  while (!settled) {
    for (const [method, args] of [
      ['accounts.list', {}],
      ['jobs.list', { limit: 20 }],
      ['messages.stats', {}],
      ['analytics.cacheStats', {}],
    ] as const) {
      const answer = await served.call(method, args).catch((error: unknown) => ({ ok: false, error }));
      reads += 1;
      if (!answer.ok) failures.push({ method, answer });
    }
  }
  return { reads, failures };
}

/** What the database holds once every process is gone. */
function inspect(databasePath: string) {
  const db = new Database(databasePath, { readonly: true });
  try {
    return {
      accounts: db
        .prepare(
          'SELECT address, (SELECT count(*) FROM message_cache m WHERE m.account_id = a.id) AS messages FROM accounts a ORDER BY address',
        )
        .all() as Array<{ address: string; messages: number }>,
      unfinished: db
        .prepare(
          "SELECT id, type, status FROM analytics_jobs WHERE status IN ('pending', 'processing', 'paused')",
        )
        .all(),
      failed: db.prepare("SELECT id, type, error_message FROM analytics_jobs WHERE status = 'failed'").all(),
      integrity: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
}

const importLine = /^Imported ([\d,]+) new messages?/m;

describe('two writers share one database', () => {
  for (let trial = 0; trial < TRIALS; trial++) {
    it(`trial ${trial + 1}/${TRIALS}: two brief import of different folders while brief serve reads; both exit 0`, async () => {
      const databasePath = freshDatabase(`imports-${trial}`);
      const served = await serve(databasePath);
      const imports = Promise.all(
        ['ann', 'bob'].map((who, index) =>
          brief(['import', folders[index]!, '--account', `${who}@example.com`, '--db', databasePath]),
        ),
      );
      const reading = await keepReading(served, imports);
      const runs = await imports;
      for (const run of runs) {
        expect(run.code, run.stderr).toBe(0);
        expect(run.stderr).not.toMatch(/brief:/);
        expect(run.stdout).toMatch(importLine);
      }
      expect(reading.failures).toEqual([]);
      expect(reading.reads).toBeGreaterThan(0);
      expect(served.alive()).toBe(true);
      const stopped = await served.stop();
      expect(stopped.code, stopped.stderr).toBe(0);

      const state = inspect(databasePath);
      const imported = runs.map((run) => Number(importLine.exec(run.stdout)![1]!.replaceAll(',', '')));
      expect(state.accounts).toEqual([
        { address: 'ann@example.com', messages: imported[0] },
        { address: 'bob@example.com', messages: imported[1] },
      ]);
      expect(state.unfinished).toEqual([]);
      expect(state.failed).toEqual([]);
      expect(state.integrity).toBe('ok');
    });
  }

  it('two first imports for the same new address at once: one account, both exit 0', async () => {
    const databasePath = freshDatabase('same-address');
    const runs = await Promise.all(
      folders.map((folder) =>
        brief(['import', folder, '--account', 'dan@example.com', '--db', databasePath]),
      ),
    );
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const state = inspect(databasePath);
    expect(state.accounts.map((account) => account.address)).toEqual(['dan@example.com']);
    expect(state.accounts[0]!.messages).toBeGreaterThan(PER_FOLDER * 1.5);
    expect(state.unfinished).toEqual([]);
    expect(state.failed).toEqual([]);
  });
});

/** Polls through the bridge until the account's import job is reading (its progress moved). */
async function importUnderway(served: Served, address: string): Promise<void> {
  for (;;) {
    const accounts = await served.call('accounts.list', {});
    const account = accounts.ok
      ? (accounts.value as Array<{ id: number; address: string }>).find((row) => row.address === address)
      : undefined;
    if (!account) continue;
    const answer = await served.call('jobs.list', { type: 'import_mail', accountId: account.id, limit: 1 });
    const job = answer.ok
      ? (answer.value as { jobs: Array<{ status: string; current: number }> }).jobs[0]
      : undefined;
    if (job?.status === 'processing' && job.current > 0) return;
    if (job?.status === 'completed')
      throw new Error('The import finished before the account was forgotten: raise LARGE.');
  }
}

describe('an account forgotten while its import runs', () => {
  it('in a brief import: forget exits 0, the import stops quietly, brief serve keeps answering', async () => {
    const databasePath = freshDatabase('forget-cli');
    const served = await serve(databasePath);
    const importing = startBrief(['import', large, '--account', 'cat@example.com', '--db', databasePath]);
    await importUnderway(served, 'cat@example.com');
    const forget = await brief(['accounts', 'forget', 'cat@example.com', '--yes', '--db', databasePath]);
    expect(forget.code, forget.stderr).toBe(0);
    const imported = await importing.done;
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/the account was forgotten while this ran/);
    expect((await served.call('accounts.list', {})).ok).toBe(true);
    expect(served.alive()).toBe(true);
    expect((await served.stop()).code).toBe(0);
    const state = inspect(databasePath);
    expect(state.accounts).toEqual([]);
    expect(state.unfinished).toEqual([]);
    expect(state.integrity).toBe('ok');
  });

  it('inside brief serve: the job ends quietly and the engine goes on to the next import', async () => {
    const databasePath = freshDatabase('forget-serve');
    const served = await serve(databasePath);
    const started = await served.call('import.start', { paths: [large], account: 'cat@example.com' });
    expect(started.ok, JSON.stringify(started)).toBe(true);
    await importUnderway(served, 'cat@example.com');
    const forget = await brief(['accounts', 'forget', 'cat@example.com', '--yes', '--db', databasePath]);
    expect(forget.code, forget.stderr).toBe(0);

    // The engine keeps running: another import through it completes.
    const next = await served.call('import.start', { paths: [folders[0]], account: 'ann@example.com' });
    expect(next.ok, JSON.stringify(next)).toBe(true);
    const { id: nextId, accountId: nextAccount } = (next as { value: { id: number; accountId: number } })
      .value;
    // Its import and the warming it queues: both end, so nothing is left for the next start.
    for (;;) {
      const answer = await served.call('jobs.list', { accountId: nextAccount, limit: 10 });
      expect(answer.ok, JSON.stringify(answer)).toBe(true);
      const { jobs } = (answer as { value: { jobs: Array<{ id: number; status: string }> } }).value;
      for (const job of jobs) expect(['pending', 'processing', 'completed']).toContain(job.status);
      if (jobs.some((job) => job.id === nextId) && jobs.every((job) => job.status === 'completed')) break;
    }
    expect(served.alive()).toBe(true);
    const stopped = await served.stop();
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).not.toMatch(/does not exist/);
    const state = inspect(databasePath);
    expect(state.accounts.map((account) => account.address)).toEqual(['ann@example.com']);
    expect(state.unfinished).toEqual([]);
    expect(state.failed).toEqual([]);
  });
});

describe('an interrupted first sync', () => {
  it('its process killed, it is resumed by brief sync once its lease has run out, with its cursor', async () => {
    const seed = trialSeed(ROW, 300);
    const emulator = await startEmulator({
      messages: seedFromSynthetic({ seed, messages: 2000 }),
      labels: SYNTHETIC_LABELS,
      profile: 'legacy',
      timeScale: 100,
      seed,
    });
    try {
      const databasePath = freshDatabase('resume-sync');
      const db = ['--db', databasePath];
      const env = { BRIEF_SYNC_TIME_SCALE: '100' };
      const connected = await brief(['connect', ...db, ...emulatorConnectOptions(emulator), '--no-sync']);
      expect(connected.code, connected.stderr).toBe(0);

      // The first sync runs in a `brief sync` killed once it stored its first messages.
      const first = startBrief(['sync', ...db], env);
      const reader = new Database(databasePath, { readonly: true });
      try {
        const stored = reader.prepare('SELECT count(*) AS n FROM message_cache');
        while ((stored.get() as { n: number }).n === 0 && first.child.exitCode === null)
          await new Promise((resolve) => setImmediate(resolve));
      } finally {
        reader.close();
      }
      first.child.kill('SIGKILL');
      const killed = await first.done;
      expect(killed.code, `brief sync ended before it was killed: ${killed.stderr}`).toBeNull();
      const writer = new Database(databasePath);
      const interrupted = writer
        .prepare("SELECT id, status, attempts, metadata FROM analytics_jobs WHERE type = 'fetch_messages'")
        .all() as Array<{ id: number; status: string; attempts: number; metadata: string }>;
      expect(interrupted).toHaveLength(1);
      expect(interrupted[0]).toMatchObject({ status: 'processing', attempts: 1 });
      // Its lease (30 s) runs out: the time passes in the row instead of on the clock.
      writer
        .prepare('UPDATE analytics_jobs SET lease_expires_at = ? WHERE id = ?')
        .run(new Date(Date.now() - 1000).toISOString(), interrupted[0]!.id);
      writer.close();

      const resumed = await brief(['sync', ...db], env);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toMatch(/is up to date/);
      const check = new Database(databasePath, { readonly: true });
      try {
        const jobs = check
          .prepare(
            "SELECT id, status, attempts FROM analytics_jobs WHERE type IN ('fetch_messages', 'sync_history')",
          )
          .all();
        // The same job finished, on its second attempt: resumed, not replaced.
        expect(jobs).toEqual([{ id: interrupted[0]!.id, status: 'completed', attempts: 2 }]);
      } finally {
        check.close();
      }
      expect(inspect(databasePath).unfinished).toEqual([]);
      const engine = Engine.open({ databasePath });
      try {
        const [account] = engineServicesForTests(engine).accounts.listAccounts();
        expect(cacheState(engine, account!.id)).toEqual(mailboxState(emulator));
      } finally {
        await engine.close();
      }
    } finally {
      await emulator.close();
    }
  });
});
