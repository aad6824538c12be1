/** Row 9: the analytics cache's hit rate over a scripted dashboard session with new mail arriving. */
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Engine } from '../electron/engine/engine.ts';
import { writeMbox } from '../electron/engine/mail/generator/index.ts';
import { engineServicesForTests } from '../electron/engine/testing.ts';
import type { RangePreset } from '../shared/domain.ts';
import { BriefError } from '../shared/errors.ts';
import { type BenchContext, generatorOptions } from './context.ts';
import { count } from './measure.ts';
import type { Row, RowGroup } from './row.ts';

const FIGURE = 'Analytics cache hit rate';
const PRESETS: readonly RangePreset[] = ['all', '30', '7', '90', '30', 'all'];
const ROUNDS = 3;
const NEW_MESSAGES = 50;
const ADDRESSES = ['ana@example.com', 'ben@example.com'] as const;

async function importMbox(engine: Engine, path: string, account: string): Promise<number> {
  const job = await engine.call('import.start', { paths: [path], account });
  await engine.runner.runUntilIdle();
  const done = engineServicesForTests(engine).jobs.getJob(job.id);
  if (done.status !== 'completed') {
    throw new BriefError(
      'INTERNAL',
      `The cache-hit session's import ended ${done.status}: ${done.error?.message}`,
    );
  }
  return done.accountId!;
}

async function session(context: BenchContext, perAccount: number): Promise<Row> {
  const folder = context.scratch('cache-hit');
  const engine = Engine.open({ databasePath: join(folder, 'brief.db') });
  try {
    const ids: number[] = [];
    for (const [index, address] of ADDRESSES.entries()) {
      const mbox = join(folder, `${index}.mbox`);
      await writeMbox(mbox, generatorOptions(11 + index, perAccount, address));
      ids.push(await importMbox(engine, mbox, address));
    }
    let asked = 0;
    let hits = 0;
    let stale = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      if (round > 0) {
        // New mail lands in the accounts in turn, as a sync would bring it.
        const target = round % ADDRESSES.length === 1 ? 0 : 1;
        const mbox = join(folder, `new-${round}.mbox`);
        const newest = Date.now() - 60_000;
        await writeMbox(mbox, {
          seed: 100 + round,
          messages: NEW_MESSAGES,
          identities: [ADDRESSES[target]],
          end: newest,
          years: 0.01,
        });
        await importMbox(engine, mbox, ADDRESSES[target]);
      }
      for (const account of [...ids, 'all' as const]) {
        for (const preset of PRESETS) {
          const envelope = await engine.call('analytics.report', { account, range: { preset } });
          asked += 1;
          if (envelope.fromCache) hits += 1;
          if (envelope.stale) stale += 1;
          // A dashboard's requests are spaced out: background refreshes get their turn.
          await nextTurn();
        }
      }
    }
    const rate = hits / asked;
    return {
      figure: FIGURE,
      value: `${(rate * 100).toFixed(1)} % (${hits} of ${asked} from the cache, ${stale} of them stale)`,
      target: '≥ 95 % (original web app: ≥ 70 %)',
      pass: rate >= 0.95,
      protocol: `2 accounts of ${count(perAccount)} generated messages imported, then ${ROUNDS} rounds of analytics.report for each account and "all" × presets ${PRESETS.join(', ')}; before rounds 2 and 3, ${NEW_MESSAGES} new messages imported into one account (the import job stands in for a sync: both store, re-derive and warm); hit = envelope.fromCache (fresh or stale)`,
    };
  } finally {
    await engine.close();
  }
}

export const cacheHitGroup: RowGroup = {
  name: 'cache-hit',
  figures: [FIGURE],
  async run(context) {
    return [await session(context, context.quick ? 2000 : 10_000)];
  },
};
