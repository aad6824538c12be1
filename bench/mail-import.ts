/** Row 5: importing the Enron users end to end through the engine; peak RSS at 1× and 4× the input. */
import { join } from 'node:path';
import { type ChildImportResult, jobsRunText, runChildImport } from './child.ts';
import { type BenchContext, CORPORA_ABSENT } from './context.ts';
import { catMs, enronAddress, filesUnder, totalBytes } from './corpus.ts';
import { mbPerSecond, megabytes, ms } from './measure.ts';
import { notMeasured, type Row, type RowGroup } from './row.ts';

const SPEED = 'Mail import speed';
const RSS = 'Mail import peak RSS, 4× vs 1×';
const SPEED_TARGET = '≥ 40 MB/s';
const RSS_TARGET = '≤ 150 MB at 1×; 4× within 20 % of 1×';
const RSS_LIMIT_BYTES = 150 * 1024 ** 2;
const CHILD_LIMIT_MS = 300_000;
const CHILD_RSS_CAP = 4 * 1024 ** 3;

/** Figures a child's CPU beside its wall time: on the shared machine the wall time waits for a core. */
function cpuText(result: ChildImportResult): string {
  if (result.cpuMs === null || result.engineCpuMs === null) return '';
  return `; CPU ${ms(result.cpuMs)}, of it the engine thread ${ms(result.engineCpuMs)}`;
}

/** The peak before the re-derivation, when the child told it: where the peak falls. */
function storingText(result: ChildImportResult): string {
  return result.storingRssBytes === null
    ? ''
    : ` (${megabytes(result.storingRssBytes)} before the re-derivation)`;
}

async function speedRow(users: string[], bytes: number, cat: number, context: BenchContext): Promise<Row> {
  const result = await runChildImport({
    databasePath: join(context.scratch('import'), 'brief.db'),
    imports: users.map((user) => ({ account: enronAddress(user), paths: [user] })),
    timeLimitMs: CHILD_LIMIT_MS,
    rssCapBytes: CHILD_RSS_CAP,
  });
  const rate = mbPerSecond(bytes, result.ms);
  return {
    figure: SPEED,
    value:
      result.stopped !== null
        ? `failed: ${result.stopped}`
        : `${rate.toFixed(1)} MB/s (${megabytes(bytes)} in ${ms(result.ms)}; cat ${ms(cat)}, ${(result.ms / cat).toFixed(0)}× cat${cpuText(result)})`,
    target: SPEED_TARGET,
    pass: result.stopped === null && rate >= 40,
    protocol: `the built engine (out/, built by the bench) in node bench/child-import.js started as bin/brief.js's first line starts node (its node flags, MALLOC_ARENA_MAX=2 and MALLOC_MMAP_THRESHOLD_=131072), fresh database, one import.start per user (own account and address) then runner.runUntilIdle; timed from the first import.start to the last import job completed (read, merge, store, re-derive; the warm_cache jobs that follow are cancelled: the analytics rows time them); users: ${users.map((user) => user.split('/').pop()).join(', ')}; cat = fastest of 3 over the same files, same run`,
  };
}

async function rssRow(users: string[], bytes: number, context: BenchContext): Promise<Row> {
  const account = enronAddress(users[0]!);
  const run = (copies: number) =>
    runChildImport({
      databasePath: join(context.scratch(`rss-${copies}x`), 'brief.db'),
      imports: [{ account, paths: Array.from({ length: copies }, () => users).flat() }],
      timeLimitMs: CHILD_LIMIT_MS,
      rssCapBytes: CHILD_RSS_CAP,
    });
  const once = await run(1);
  const four = await run(4);
  const protocol = `the built engine (out/, built by the bench) in node bench/child-import.js started as bin/brief.js's first line starts node (its node flags, MALLOC_ARENA_MAX=2 and MALLOC_MMAP_THRESHOLD_=131072), per size into a fresh database, peak RSS (the child's own VmHWM, polled and at its end); one account, one import job; 1× = the user folders once (${megabytes(bytes)}), 4× = the same folders listed 4 times (the copies merge as duplicates, so stored rows stay 1×)`;
  if (once.stopped || four.stopped) {
    return notMeasured(RSS, RSS_TARGET, `1×: ${once.stopped ?? 'ok'}; 4×: ${four.stopped ?? 'ok'}`, protocol);
  }
  const growth = four.peakRssBytes / once.peakRssBytes - 1;
  return {
    figure: RSS,
    value: `1×: ${megabytes(once.peakRssBytes)}${storingText(once)}, 4×: ${megabytes(four.peakRssBytes)} (${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(0)} %)${jobsRunText(once, four)}`,
    target: RSS_TARGET,
    pass: once.peakRssBytes <= RSS_LIMIT_BYTES && Math.abs(growth) <= 0.2,
    protocol,
  };
}

export const mailImportGroup: RowGroup = {
  name: 'mail-import',
  figures: [SPEED, RSS],
  async run(context) {
    const users = context.enronUsers();
    if (users === null) {
      return [
        notMeasured(SPEED, SPEED_TARGET, CORPORA_ABSENT, 'import of the four Enron users'),
        notMeasured(RSS, RSS_TARGET, CORPORA_ABSENT, 'peak RSS importing the Enron users 1× and 4×'),
      ];
    }
    const files = users.flatMap(filesUnder);
    const bytes = totalBytes(files);
    const cat = catMs(files);
    return [await speedRow(users, bytes, cat, context), await rssRow(users, bytes, context)];
  },
};
