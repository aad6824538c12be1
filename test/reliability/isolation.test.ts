/**
 * Reliability row "Isolation" (docs/reliability.md): two accounts in one store; every figure of
 * account A (the whole report JSON, for every range, answered from the cache and computed afresh)
 * and its message statistics stay identical while account B's data changes: more mail imported into
 * B, an alias of B that A's correspondents use, B's settings, and B forgotten.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { openEngine } from '../engine/helpers.ts';
import { CORPORA, corporaMissing, hasCorpora } from '../paths.ts';
import { FULL, MODE } from './mode.ts';

const ENRON = join(CORPORA, 'enron');
const A = 'phillip.allen@enron.com';
const B = 'john.lavorato@enron.com';
const AS_OF = '2002-06-01T12:00:00.000Z';
const RANGES = [
  { preset: 'all' },
  { preset: '365' },
  { preset: '90' },
  { preset: '30' },
  { from: '2001-01-01', to: '2001-06-30' },
] as const;
/** More mail for B: the ham sets, and in full mode two more Enron mailboxes. */
const MORE_FOR_B = [
  [join(CORPORA, 'spamassassin', 'hard_ham')],
  ...(FULL ? [[join(ENRON, 'beck-s')], [join(ENRON, 'farmer-d')]] : []),
];

async function runImport(engine: Engine, paths: string[], account: string): Promise<number> {
  const job = await engine.call('import.start', { paths, account });
  await engine.runner.runUntilIdle();
  const done = await engine.call('jobs.get', { jobId: job.id });
  expect(done.status, JSON.stringify(done.error)).toBe('completed');
  return done.accountId!;
}

/** Everything the dashboard shows for one account: each range's report, and its message statistics. */
async function figuresOf(engine: Engine, accountId: number) {
  const reports = [];
  for (const range of RANGES) {
    const envelope = await engine.call('analytics.report', {
      account: accountId,
      range,
      timeZone: 'UTC',
      asOf: AS_OF,
    });
    reports.push(envelope.report);
  }
  return { reports, stats: await engine.call('messages.stats', { accountId }) };
}

/** A's figures as answered (from the cache) and as computed from scratch (cache emptied). */
async function expectUnchanged(
  engine: Engine,
  accountId: number,
  baseline: unknown,
  step: string,
): Promise<void> {
  expect(await figuresOf(engine, accountId), `${step}, answered`).toEqual(baseline);
  engineServicesForTests(engine).store.db.exec('DELETE FROM analytics_cache');
  expect(await figuresOf(engine, accountId), `${step}, recomputed`).toEqual(baseline);
}

// Skipped only off CI (under CI=true the global setup fails a run without the corpora).
describe.skipIf(!hasCorpora)(
  `isolation between two accounts (${hasCorpora ? MODE : `skipped: ${corporaMissing}`})`,
  () => {
    it("no figure of A changes while B's data changes", async () => {
      const engine = openEngine();
      const a = await runImport(engine, [join(ENRON, 'allen-p')], A);
      const b = await runImport(engine, [join(ENRON, 'lavorato-j')], B);
      expect(a).not.toBe(b);
      const baseline = await figuresOf(engine, a);
      expect(baseline.stats.count).toBeGreaterThan(100);
      await expectUnchanged(engine, a, baseline, 'at first');

      for (const paths of MORE_FOR_B) {
        await runImport(engine, paths, B);
        await expectUnchanged(engine, a, baseline, `after importing ${paths.join(', ')} into B`);
      }
      // An alias of B that is one of A's own correspondents: directions and echoes of A must not move.
      const [topOfA] = baseline.reports[0]!.topSenders as Array<{ address: string }>;
      await engine.call('accounts.addAlias', { accountId: b, address: topOfA!.address });
      await engine.runner.runUntilIdle();
      await expectUnchanged(engine, a, baseline, "after adding A's top sender as an alias of B");
      await engine.call('accounts.updateSettings', {
        accountId: b,
        settings: { workingHours: { days: [6, 7], startMinute: 0, endMinute: 60 } },
      });
      await expectUnchanged(engine, a, baseline, "after changing B's working hours");
      await engine.call('accounts.forget', { accountId: b });
      await engine.runner.runUntilIdle();
      await expectUnchanged(engine, a, baseline, 'after forgetting B');
      expect((await engine.call('accounts.list', {})).map((account) => account.id)).toEqual([a]);
    });
  },
);
