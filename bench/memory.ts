/** Row 12: peak RSS importing a generated 1,000,000-message mbox (full run only). */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { writeMbox } from '../electron/engine/mail/generator/index.ts';
import { jobsRunText, runChildImport } from './child.ts';
import { GENERATED_ADDRESS, generatorOptions } from './context.ts';
import { count, megabytes, ms, now } from './measure.ts';
import { notMeasured, type RowGroup } from './row.ts';

const FIGURE = 'Memory importing 1,000,000 messages';
const TARGET = '< 200 MB peak RSS';
const SIZE = 1_000_000;
/** The import may take this long; past it the figure is the peak reached so far, marked as stopped. */
const TIME_LIMIT_MS = 300_000;
/** A runaway import is stopped here so it cannot take the shared machine's memory. */
const RSS_CAP = 4 * 1024 ** 3;

export const memoryGroup: RowGroup = {
  name: 'memory',
  figures: [FIGURE],
  async run(context) {
    const protocol = `the built engine (out/, built by the bench) in node bench/child-import.js started as bin/brief.js's first line starts node (its node flags, MALLOC_ARENA_MAX=2 and MALLOC_MMAP_THRESHOLD_=131072), on a fresh database, one account, a generated mbox of ${count(SIZE)} messages, the import job only (the warm_cache job it queues is cancelled); peak RSS = the child's own VmHWM (polled every 200 ms, and at its end; not resourceUsage().maxRSS, which on Linux includes the bench's RSS at the spawn), the child's VmHWM when the import tells its last step (re-deriving), its RssAnon and RssFile at the highest sample, and the 1-minute load average before and after; stopped at ${ms(TIME_LIMIT_MS)} or ${megabytes(RSS_CAP)}`;
    if (context.quick) return [notMeasured(FIGURE, TARGET, 'full run only', protocol)];
    const folder = context.scratch('memory');
    const mbox = join(folder, 'million.mbox');
    const written = now();
    await writeMbox(mbox, generatorOptions(4, SIZE));
    const writeMs = now() - written;
    const loadBefore = loadavg()[0]!;
    const result = await runChildImport({
      databasePath: join(folder, 'brief.db'),
      imports: [{ account: GENERATED_ADDRESS, paths: [mbox] }],
      timeLimitMs: TIME_LIMIT_MS,
      rssCapBytes: RSS_CAP,
    });
    const size = megabytes(statSync(mbox).size);
    const peak = megabytes(result.peakRssBytes);
    // Where the peak falls: by the last stored batch, or in the re-derivation after it.
    const storing =
      result.storingRssBytes === null
        ? ''
        : `; ${megabytes(result.storingRssBytes)} before the re-derivation`;
    // What the peak was made of and the machine's load: two runs' peaks compared by kind of memory.
    const parts =
      result.peakParts === null
        ? ''
        : `; at the peak ${megabytes(result.peakParts.anonBytes)} anonymous, ${megabytes(result.peakParts.fileBytes)} file pages`;
    const load = `; load ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`;
    const value = result.stopped
      ? `≥ ${peak} (${result.stopped} after ${ms(result.ms)})`
      : `${peak} (import of ${size} took ${ms(result.ms)}${storing}${parts}${load}${jobsRunText(result)})`;
    return [
      {
        figure: FIGURE,
        value,
        target: TARGET,
        pass: result.stopped === null && result.peakRssBytes < 200 * 1024 ** 2,
        protocol: `${protocol}; mbox ${size} written beforehand in ${ms(writeMs)}`,
      },
    ];
  },
};
