/** The Brief answered from a warm cache, as the dashboard's first tab and the tray's morning brief ask it. */
import { Engine } from '../electron/engine/engine.ts';
import { BriefError } from '../shared/errors.ts';
import type { BenchContext } from './context.ts';
import { count, median, ms, now } from './measure.ts';
import type { Row, RowGroup } from './row.ts';

const BRIEF_WARM = 'Brief answered, warm';
const REPEATS = 5;

async function briefWarmRow(context: BenchContext): Promise<Row> {
  const size = context.quick ? 20_000 : 100_000;
  const generated = await context.generatedDb(size);
  const request = { account: generated.accountId };
  // One Brief computed and cached, and one delivered, so the answer applies a real mark.
  const warming = Engine.open({ databasePath: generated.path });
  await warming.call('brief.get', request);
  await warming.call('brief.markSeen', request);
  await warming.close();
  const samples: number[] = [];
  let threads = 0;
  for (let run = 0; run < REPEATS; run += 1) {
    const started = now();
    const engine = Engine.open({ databasePath: generated.path });
    const envelope = await engine.call('brief.get', request);
    samples.push(now() - started);
    await engine.close();
    if (!envelope.fromCache || envelope.stale)
      throw new BriefError('INTERNAL', 'The warm Brief was not answered fresh from the cache.');
    threads = envelope.brief.waitingOnYou.count + envelope.brief.waitingOnThem.count;
  }
  const value = median(samples);
  return {
    figure: `${BRIEF_WARM}, ${count(size)} messages`,
    value: `${ms(value)} (median of ${REPEATS}; runs ${samples.map(ms).join(', ')})`,
    target:
      size === 100_000
        ? '< 150 ms (as fast as the warm Overview)'
        : '< 150 ms at 100,000 (quick: smaller input)',
    pass: value < 150,
    protocol: `in-process, modules already loaded: Engine.open (database open, migrations checked) + brief.get (the account, now, zone and anchor by default) answered from the analytics cache — warmed by one brief.get and delivered once by brief.markSeen, engine closed — with "new since the last brief" applied from the stored mark (${count(threads)} threads listed), on ${count(size)} imported generated messages`,
  };
}

export const briefGroup: RowGroup = {
  name: 'brief',
  figures: [BRIEF_WARM],
  async run(context) {
    return [await briefWarmRow(context)];
  },
};
