/**
 * One write per record: the engine worker writes its records to its own log, and none of them
 * reaches the main thread to be written a second time (main's log holds only main's records).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogRecord } from '../../electron/engine/log.ts';
import { startWorkerHost } from '../../electron/engine/worker-host.ts';
import { tempFolder } from './helpers.ts';

const ENGINE_WORKER = new URL('../../electron/engine/worker.ts', import.meta.url);

function linesIn(folder: string): LogRecord[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.log'))
    .flatMap((name) => readFileSync(join(folder, name), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as LogRecord);
}

describe("the engine worker's log", () => {
  it('holds each engine record once, and the main thread is handed none of them', async () => {
    const folder = tempFolder();
    const engineLog = join(folder, 'logs', 'engine');
    const handedToMain: LogRecord[] = [];
    const host = startWorkerHost({
      workerUrl: ENGINE_WORKER,
      startData: { databasePath: join(folder, 'brief.db'), logFolder: engineLog, runJobs: false },
      onLog: (record) => handedToMain.push(record),
    });
    await host.ready();
    // A new database is migrated when the engine opens it, which the engine logs.
    await host.shutdown(5000);

    const migrated = linesIn(engineLog).filter((record) => record.message === 'database migrated');
    expect(migrated).toHaveLength(1);
    expect(migrated[0]).toMatchObject({ level: 'info', fields: { version: expect.any(Number) } });
    expect(handedToMain).toEqual([]);
  });
});
