/**
 * The analytics worker's log records reach the engine's log: the worker has no log file of its
 * own, so what its read-only store says (here: a column snapshot it could not use) is posted to
 * the engine's thread and written there, once, through the engine's logger.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { snapshotPath } from '../../electron/engine/analytics/snapshot/file.ts';
import { createMemoryLogger, type LogRecord } from '../../electron/engine/log.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { fakeClock, openEngine, tempFolder } from './helpers.ts';
import { generated } from './random-changes.ts';

const ANALYTICS_WORKER = new URL('../../electron/engine/analytics-worker.ts', import.meta.url);
const START = Date.UTC(2026, 2, 10, 12);
const IDENTITY = 'me@example.com';

it("writes the analytics worker's records to the engine's log", async () => {
  const time = fakeClock(START);
  const path = join(tempFolder(), 'brief.db');
  const filler = openEngine({ databasePath: path, clock: time.clock });
  const account = engineServicesForTests(filler).accounts.createAccount({
    address: IDENTITY,
    provider: 'gmail',
  });
  engineServicesForTests(filler).messages.cacheBulk(
    account.id,
    'gmail',
    generated(41, 200, true, START - 3_600_000, [IDENTITY]).map((facts) => ({ facts })),
  );
  engineServicesForTests(filler).rederive(account.id);
  // A snapshot the worker cannot use: it says so, and reads the database instead.
  writeFileSync(snapshotPath(path, [account.id])!, 'not a column snapshot');

  const records: LogRecord[] = [];
  const engine = openEngine({
    databasePath: path,
    clock: time.clock,
    analyticsWorker: ANALYTICS_WORKER,
    logger: createMemoryLogger(records, time.clock),
  });
  try {
    const { report } = await engine.call('analytics.report', {
      account: account.id,
      range: { preset: '30', anchor: 'auto' },
    });
    expect(report.coverage.messages).toBeGreaterThan(0);
    const notUsed = records.filter((record) =>
      record.message.startsWith('analytics column snapshot not used'),
    );
    expect(notUsed).toHaveLength(1);
    expect(notUsed[0]).toMatchObject({ level: 'info', fields: { path: snapshotPath(path, [account.id]) } });
  } finally {
    await engine.close();
    await filler.close();
  }
});
