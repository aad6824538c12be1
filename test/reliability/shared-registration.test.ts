/**
 * Reliability row "Shared store" (docs/reliability.md): registering a Gmail account (after sign-in,
 * `brief connect`, or the rebuild after a damaged store) queues a sync unless one is unfinished.
 * Four processes register one address 400 times at once on one database, cancelling the queued sync
 * after each round so the next registration queues one again: every registration answers the
 * account, never CONFLICT, and one account holds the syncs. (While the check and the insert were
 * separate statements, every run of this trial had several CONFLICTs.)
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.ts';
import { tempFolder } from '../engine/helpers.ts';
import { collect } from './brief-process.ts';

const PROCESSES = 4;
const ROUNDS = 400;
const CHILD = new URL('./register-child.ts', import.meta.url).pathname;

async function registerInChild(databasePath: string, startAt: number): Promise<string> {
  const child = spawn(process.execPath, [CHILD, databasePath, String(ROUNDS), String(startAt)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = await collect(child);
  if (run.code !== 0) throw new Error(`register-child exited ${run.code}: ${run.stderr}`);
  return run.stdout.trim();
}

it(`${PROCESSES} processes register one Gmail address ${ROUNDS} times at once: never CONFLICT`, async () => {
  const databasePath = join(tempFolder('brief-reliability-register-'), 'brief.db');
  await Engine.open({ databasePath }).close();
  // Far enough ahead that every process has opened its engine before the first registration.
  const startAt = Date.now() + 2000;
  const conflicts = await Promise.all(
    Array.from({ length: PROCESSES }, () => registerInChild(databasePath, startAt)),
  );
  expect(conflicts).toEqual(Array.from({ length: PROCESSES }, () => '0'));
  const db = new Database(databasePath, { readonly: true });
  try {
    expect(db.prepare('SELECT address FROM accounts').all()).toEqual([{ address: 'person@gmail.example' }]);
    const unfinished = db
      .prepare("SELECT count(*) AS n FROM analytics_jobs WHERE status IN ('pending', 'processing', 'paused')")
      .get() as { n: number };
    expect(unfinished.n).toBeLessThanOrEqual(1);
  } finally {
    db.close();
  }
});
