import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../../electron/engine/analytics/index.ts';
import { CORPORA, EXPECTED, ROOT, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';
import { diffJson } from './diff.ts';
import { inputFromParams, type ReportParams } from './mailbox.ts';

const casesFolder = join(EXPECTED, 'cases');
const corporaFolder = join(EXPECTED, 'corpora');

describe('expected reports: hand-built cases (docs/metrics.md, worked out in each case.json "why")', () => {
  for (const name of readdirSync(casesFolder).sort()) {
    it(name, async () => {
      const folder = join(casesFolder, name);
      const spec = JSON.parse(readFileSync(join(folder, 'case.json'), 'utf8')) as ReportParams & {
        expect: unknown;
      };
      const report = computeReport(await inputFromParams(spec, folder));
      expect(diffJson(spec.expect, report)).toEqual([]);
    });
  }
});

// Skipped only off CI (under CI=true the global setup fails a run without the corpora).
describe.skipIf(skipWithoutCorpora)(`expected reports: the shared corpora${withoutCorporaNote}`, () => {
  for (const file of readdirSync(corporaFolder).sort()) {
    it(file, async () => {
      const spec = JSON.parse(readFileSync(join(corporaFolder, file), 'utf8')) as {
        params: ReportParams;
        report: unknown;
      };
      const report = computeReport(await inputFromParams(spec.params, ROOT));
      expect(diffJson(spec.report, report)).toEqual([]);
    });
  }
  it('finds the corpora where the expected reports point', () => {
    expect(readdirSync(CORPORA).length).toBeGreaterThan(0);
  });
  it('reads every expected report there is: 11 hand-built cases, 14 corpus reports', () => {
    expect([readdirSync(casesFolder).length, readdirSync(corporaFolder).length]).toEqual([11, 14]);
  });
});
