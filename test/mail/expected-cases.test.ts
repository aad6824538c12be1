import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA, corporaMissing, EXPECTED, hasCorpora, ROOT } from '../paths.ts';
import { importMailbox, summarise } from './mailbox-summary.ts';

interface CaseFile {
  account: string;
  aliases: string[];
  asOf: string;
  preset: string;
  paths: string[];
  expect: {
    range: { from: string | null; to: string };
    coverage: Record<string, unknown>;
    threads: { count: number };
  };
}

const casesDir = join(EXPECTED, 'cases');
const caseNames = hasCorpora ? readdirSync(casesDir).sort() : [];

describe.skipIf(!hasCorpora)(`the hand-built cases (${hasCorpora ? 'present' : corporaMissing})`, () => {
  for (const name of caseNames) {
    it(`${name}: coverage and thread count match the expected report`, async () => {
      const spec = JSON.parse(readFileSync(join(casesDir, name, 'case.json'), 'utf8')) as CaseFile;
      const messages = await importMailbox(spec.paths.map((path) => join(casesDir, name, path)));
      const range = {
        from: spec.expect.range.from === null ? null : Date.parse(spec.expect.range.from),
        to: Date.parse(spec.expect.range.to),
      };
      const result = summarise(messages, [spec.account, ...spec.aliases], Date.parse(spec.asOf), range);
      expect(result.coverage).toEqual(spec.expect.coverage);
      expect(result.threads).toBe(spec.expect.threads.count);
    });
  }
});

const corpora = ['allen-p', 'beck-s', 'farmer-d', 'lavorato-j', 'ham'];

describe.skipIf(!hasCorpora)(`the shared corpora (${hasCorpora ? CORPORA : corporaMissing})`, () => {
  for (const name of corpora) {
    it(`${name}: coverage and thread count match the expected "all" report`, async () => {
      const spec = JSON.parse(readFileSync(join(EXPECTED, 'corpora', `${name}.all.json`), 'utf8')) as {
        params: { account: string; aliases: string[]; asOf: string; paths: string[] };
        report: { coverage: Record<string, unknown>; threads: { count: number } };
      };
      const messages = await importMailbox(spec.params.paths.map((path) => resolve(ROOT, path)));
      const asOf = Date.parse(spec.params.asOf);
      const result = summarise(messages, [spec.params.account, ...spec.params.aliases], asOf, {
        from: null,
        to: asOf,
      });
      const { mailboxTotal: _total, lastSync: _sync, ...coverage } = spec.report.coverage;
      expect(result.coverage).toEqual(coverage);
      expect(result.threads).toBe(spec.report.threads.count);
    }, 60_000);
  }
});
