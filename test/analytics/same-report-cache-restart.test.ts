/**
 * The same answer by every path: the report of an account is the same computed cold, from the
 * analytics cache, after a restart (the engine closed and opened again on the same file), and
 * after importing the same files again, every figure key by key; and its core is the expected
 * report. Through the engine and its real SQLite file, as the dashboard and `brief` ask for it.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import type { RangePreset } from '../../shared/domain.ts';
import { openEngine, tempFolder } from '../engine/helpers.ts';
import { CORPORA, EXPECTED, ROOT, requireCorpora, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';
import { diffJson } from './diff.ts';
import type { ReportParams } from './mailbox.ts';

interface Expected {
  params: ReportParams;
  report: Record<string, unknown>;
}

async function importFiles(engine: Engine, params: ReportParams): Promise<number> {
  const paths = params.paths.map((path) => resolve(ROOT, path));
  const job = await engine.call('import.start', { paths, account: params.account, aliases: params.aliases });
  await engine.runner.runUntilIdle();
  const done = await engine.call('jobs.get', { jobId: job.id });
  expect(done.status, JSON.stringify(done.error)).toBe('completed');
  return engineServicesForTests(engine).accounts.findByAddress(params.account, 'import')!.id;
}

describe.skipIf(skipWithoutCorpora)(
  `one account's report by every route through the engine (${CORPORA})${withoutCorporaNote}`,
  () => {
    for (const file of ['allen-p.all.json', 'ham.30.json']) {
      it(`${file}: cold, cached, after a restart and after importing again`, async () => {
        requireCorpora();
        const { params, report: expected } = JSON.parse(
          readFileSync(join(EXPECTED, 'corpora', file), 'utf8'),
        ) as Expected;
        const databasePath = join(tempFolder(), 'brief.db');
        const clock = () => Date.parse(params.asOf);
        let engine = openEngine({ databasePath, clock });
        const account = await importFiles(engine, params);
        const request = {
          account,
          range: { preset: params.preset as RangePreset },
          timeZone: params.timeZone,
        };
        const ask = async (explicitAsOf: boolean) =>
          engine.call('analytics.report', explicitAsOf ? { ...request, asOf: params.asOf } : request);

        // Asked "as of" an instant, a report is always computed afresh: the cold reference.
        const cold = (await ask(true)).report;
        const {
          mailboxTotal: _total,
          lastSync: _sync,
          ...coverage
        } = expected.coverage as Record<string, unknown>;
        expect(diffJson({ ...expected, coverage }, cold)).toEqual([]);

        const first = await ask(false);
        const cached = await ask(false);
        expect(cached.fromCache).toBe(true);
        expect(first.report).toEqual(cold);
        expect(cached.report).toEqual(cold);

        await engine.close();
        engine = openEngine({ databasePath, clock });
        const afterRestart = await ask(false);
        expect(afterRestart.fromCache).toBe(true);
        expect(afterRestart.report).toEqual(cold);
        expect((await ask(true)).report).toEqual(cold);

        const rows = engineServicesForTests(engine).messages.getCacheStats(account).count;
        expect(await importFiles(engine, params)).toBe(account);
        expect(engineServicesForTests(engine).messages.getCacheStats(account).count).toBe(rows);
        expect((await ask(false)).report).toEqual(cold);
        expect((await ask(true)).report).toEqual(cold);
      }, 120_000);
    }
  },
);
