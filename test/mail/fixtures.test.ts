import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ReadItem, readMail } from '../../electron/engine/mail/read-mail.ts';
import { CORPORA, corporaMissing, hasCorpora } from '../paths.ts';

const fixtures = join(CORPORA, 'fixtures');

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? allFiles(full) : [full];
  });
}

describe.skipIf(!hasCorpora)(
  `the parser torture fixtures (${hasCorpora ? fixtures : corporaMissing})`,
  () => {
    it('every file is either imported or reported with a reason, and nothing crashes', async () => {
      const items: ReadItem[] = [];
      for await (const item of readMail([fixtures])) items.push(item);
      const seen = new Set(items.map((item) => item.file));
      expect([...seen].sort()).toEqual(allFiles(fixtures).sort());
      for (const item of items) {
        if (item.kind === 'message') {
          expect(item.offset).toBeGreaterThanOrEqual(0);
          expect(item.facts.providerId).toMatch(/^[0-9a-f]{24}$/);
        } else expect(item.reason.length).toBeGreaterThan(5);
      }
      expect(items.filter((item) => item.kind === 'message').length).toBeGreaterThan(500);
    });

    it('non-mail files (images, sounds, scripts, licence texts) are skipped with a reason', async () => {
      const names = [
        'cpython-test_email-data/python.png',
        'cpython-test_email-data/sndhdr.wav',
        'postal-mime/LICENSE.txt',
      ];
      const js = allFiles(fixtures).find((file) => file.endsWith('.js')) as string;
      const items: ReadItem[] = [];
      for await (const item of readMail([...names.map((name) => join(fixtures, name)), js])) items.push(item);
      expect(items.map((item) => item.kind)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
      expect(items.map((item) => item.kind === 'skipped' && item.reason)).toEqual([
        'binary file, not a mail message',
        'binary file, not a mail message',
        'not a mail message: no mail header block at the start',
        'not a mail message: no mail header block at the start',
      ]);
    });
  },
);
