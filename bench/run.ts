/**
 * The benchmark (docs/benchmarks.md): every speed and scale figure with its value, target and pass/fail.
 * Usage: npm run bench [-- --quick] [--json] [--only <substring of a figure or group>]
 * Progress goes to stderr; stdout carries only the table (or the JSON rows).
 */
import { parseToolArguments } from '../test/tool-args.ts';
import { analyticsGroup } from './analytics.ts';
import { briefGroup } from './brief.ts';
import { cacheHitGroup } from './cache-hit.ts';
import { BenchContext } from './context.ts';
import { dashboardGroup } from './dashboard.ts';
import { demoGroup } from './demo.ts';
import { generatorGroup } from './generator.ts';
import { mailImportGroup } from './mail-import.ts';
import { mailReadGroup } from './mail-read.ts';
import { ms, now } from './measure.ts';
import { memoryGroup } from './memory.ts';
import { formatTable } from './report.ts';
import { matchesOnly, notMeasured, type Row, type RowGroup, wantsFigure } from './row.ts';
import { storeGroup } from './store.ts';
import { storeSizeGroup } from './store-size.ts';
import { syncGroup } from './sync.ts';

const GROUPS: readonly RowGroup[] = [
  storeGroup,
  mailReadGroup,
  mailImportGroup,
  generatorGroup,
  analyticsGroup,
  briefGroup,
  cacheHitGroup,
  storeSizeGroup,
  demoGroup,
  dashboardGroup,
  memoryGroup,
  syncGroup,
];

const USAGE = `Usage: node bench/run.ts [options]   (or: npm run bench -- [options])

The benchmark (docs/benchmarks.md): every speed and scale figure with its value, its target and pass or
fail. Progress goes to stderr; stdout carries only the table (or, with --json, the rows).

  --quick                        a short run on smaller inputs (the figures are then indicative)
  --json                         the rows as JSON instead of the table
  --only <text>                  only the figures and groups whose name contains <text>
  -h, --help                     print this and exit
`;

const values = parseToolArguments(
  { name: 'bench', usage: USAGE },
  { quick: { type: 'boolean' }, json: { type: 'boolean' }, only: { type: 'string' } },
);
const only = values.only ?? null;
const context = new BenchContext({ quick: values.quick ?? false, only });
const started = now();
const rows: Row[] = [];
try {
  for (const group of GROUPS) {
    const wholeGroup = matchesOnly(group.name, only);
    if (!wholeGroup && !group.figures.some((figure) => wantsFigure(figure, only))) continue;
    process.stderr.write(`bench: ${group.name}…\n`);
    const groupStarted = now();
    let measured: Row[];
    try {
      measured = await group.run(context);
    } catch (error) {
      const reason = `failed: ${error instanceof Error ? error.message : String(error)}`;
      measured = group.figures.map((figure) => notMeasured(figure, '—', reason, `the ${group.name} group`));
    }
    process.stderr.write(`bench: ${group.name} took ${ms(now() - groupStarted)}\n`);
    rows.push(...measured.filter((row) => wholeGroup || matchesOnly(row.figure, only)));
  }
} finally {
  context.cleanup();
}
if (values.json) {
  process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
} else {
  process.stdout.write(formatTable(rows, { quick: context.quick, elapsedMs: now() - started }));
}
