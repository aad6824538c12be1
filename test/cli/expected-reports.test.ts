/**
 * The expected reports (shared/spec/expected) through the command line: `brief import` of the
 * inputs, then `brief report --json`, compared key by key with the expected core. This is the
 * path a person takes; test/analytics checks computeReport directly. All 22 take about 25 s.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { diffJson } from '../analytics/diff.ts';
import { EXPECTED, ROOT, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';
import { runCli } from './run-cli.ts';

interface Params {
  account: string;
  aliases: string[];
  timeZone: string;
  asOf: string;
  preset: string;
  paths: string[];
}

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** import + report --json through `brief`; returns the printed report. */
async function reportThroughCli(params: Params, base: string): Promise<unknown> {
  const folder = mkdtempSync(join(tmpdir(), 'brief-cli-expected-'));
  folders.push(folder);
  const db = ['--db', join(folder, 'brief.db')];
  const aliases = params.aliases.flatMap((alias) => ['--alias', alias]);
  const paths = params.paths.map((path) => resolve(base, path));
  const imported = await runCli(['import', ...paths, ...db, '--account', params.account, ...aliases]);
  expect(imported.code, imported.stderr).toBe(0);
  expect(imported.stdout).toMatch(/^Imported [\d,]+ new messages/);
  const report = await runCli([
    'report',
    '--json',
    ...db,
    '--account',
    params.account,
    '--tz',
    params.timeZone,
    '--as-of',
    params.asOf,
    '--range',
    params.preset,
  ]);
  expect(report.code, report.stderr).toBe(0);
  return JSON.parse(report.stdout);
}

describe('expected reports through brief: hand-built cases', () => {
  const casesFolder = join(EXPECTED, 'cases');
  for (const name of readdirSync(casesFolder).sort()) {
    it(name, async () => {
      const folder = join(casesFolder, name);
      const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as Params & {
        expect: unknown;
      };
      expect(diffJson(spec.expect, await reportThroughCli(spec, folder))).toEqual([]);
    });
  }
});

// Skipped only off CI (under CI=true the global setup fails a run without the corpora).
describe.skipIf(skipWithoutCorpora)(
  `expected reports through brief: the shared corpora${withoutCorporaNote}`,
  () => {
    const corporaFolder = join(EXPECTED, 'corpora');
    for (const file of readdirSync(corporaFolder).sort()) {
      it(file, async () => {
        const spec = JSON.parse(readFileSync(join(corporaFolder, file), 'utf8')) as {
          params: Params;
          report: Record<string, unknown>;
        };
        const printed = (await reportThroughCli(spec.params, ROOT)) as Record<string, unknown>;
        expect(diffJson(spec.report, printed)).toEqual([]);
      });
    }
  },
);
