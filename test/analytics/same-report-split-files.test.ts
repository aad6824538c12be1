/**
 * The same answer by every path: a mailbox split across two files, read in name order, gives
 * the same report as the one file, every figure key by key. The split is of a real folder
 * (allen-p's `sent_items.mbox`, cut at a message boundary in its middle) into `sent_items.mbox`
 * and `sent_mail.mbox`: both names mean `SENT`, and they sort next to each other, so every message
 * is read in the same order with the same labels. This found a byte of difference: the message
 * before the cut kept the empty line that ends a file (see test/mail/mbox-message-end.test.ts).
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeReport } from '../../electron/engine/analytics/index.ts';
import { CORPORA, EXPECTED, ROOT, requireCorpora, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';
import { diffJson } from './diff.ts';
import { inputFromParams, type ReportParams } from './mailbox.ts';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A copy of the folder with `file` cut in two at the first separator after its middle. */
function splitCopy(source: string, file: string, secondName: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'brief-split-'));
  folders.push(folder);
  for (const name of readdirSync(source))
    if (name !== file) copyFileSync(join(source, name), join(folder, name));
  const whole = readFileSync(join(source, file));
  const cut = whole.indexOf('\n\nFrom ', Math.floor(whole.length / 2)) + 2;
  expect(cut).toBeGreaterThan(2);
  writeFileSync(join(folder, file), whole.subarray(0, cut));
  writeFileSync(join(folder, secondName), whole.subarray(cut));
  return folder;
}

describe.skipIf(skipWithoutCorpora)(
  `a mailbox split across two files (${CORPORA})${withoutCorporaNote}`,
  () => {
    for (const preset of ['all', '30']) {
      it(`allen-p, range ${preset}: the same report as from the whole file`, async () => {
        requireCorpora();
        const { params } = JSON.parse(
          readFileSync(join(EXPECTED, 'corpora', `allen-p.${preset}.json`), 'utf8'),
        ) as { params: ReportParams };
        const source = resolve(ROOT, params.paths[0]!);
        const split = splitCopy(source, 'sent_items.mbox', 'sent_mail.mbox');
        const whole = computeReport(await inputFromParams(params, ROOT));
        const parts = computeReport(await inputFromParams({ ...params, paths: [split] }, ROOT));
        expect(diffJson(whole, parts)).toEqual([]);
        expect(whole.coverage.sent).toBeGreaterThan(0);
      });
    }
  },
);
