import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { takeoutLabelName, toRfc822, writeMbox } from '../../electron/engine/mail/generator/index.ts';
import { collect } from './helpers.ts';

const folder = mkdtempSync(join(tmpdir(), 'brief-generator-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const SEPARATOR = /^From (\d+)@xxx \w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} \+0000 \d{4}$/;

describe('writeMbox', () => {
  it('writes a Takeout-style mbox that reads back to the same messages, with >From escaping', async () => {
    const options = { seed: 9, messages: 3000 };
    const path = join(folder, 'all.mbox');
    const written = await writeMbox(path, options);
    const text = readFileSync(path).toString('latin1');
    expect(written).toEqual({ messages: 3000, bytes: readFileSync(path).length });

    const lines = text.split('\n');
    const separators = lines.filter((line) => line.startsWith('From '));
    expect(separators).toHaveLength(3000);
    expect(separators.every((line) => SEPARATOR.test(line))).toBe(true);

    // mboxrd: split at separators, drop the blank line each message ends with, undo one '>' per escaped line.
    const chunks = text.split(/^From \d+@xxx .*\n/m).slice(1);
    const expected = collect(options);
    let escaped = 0;
    chunks.forEach((chunk, i) => {
      escaped += (chunk.match(/^>+From /gm) ?? []).length;
      const restored = chunk.slice(0, -1).replace(/^>(>*From )/gm, '$1');
      expect(restored).toBe(toRfc822(expected[i]!).toString('latin1'));
    });
    expect(escaped).toBeGreaterThan(0);
    const separatorIds = separators.map((line) =>
      BigInt(SEPARATOR.exec(line)![1]!).toString(16).padStart(16, '0'),
    );
    expect(separatorIds).toEqual(expected.map((m) => m.id));
  });

  it('writes X-GM-THRID as the decimal thread id and X-Gmail-Labels with Takeout names', () => {
    const [first] = collect({ seed: 9, messages: 1 });
    const raw = toRfc822(first!).toString('latin1');
    expect(raw.split('\n')[0]).toBe(`X-GM-THRID: ${BigInt(`0x${first!.threadId}`)}`);
    expect(raw.split('\n')[1]).toMatch(/^X-Gmail-Labels: /);
    expect(
      ['INBOX', 'SENT', 'UNREAD', 'DRAFT', 'SPAM', 'TRASH', 'STARRED', 'IMPORTANT'].map(takeoutLabelName),
    ).toEqual(['Inbox', 'Sent', 'Unread', 'Drafts', 'Spam', 'Trash', 'Starred', 'Important']);
    expect(takeoutLabelName('CATEGORY_PROMOTIONS')).toBe('Category Promotions');
    expect(takeoutLabelName('Label_3')).toBe('Projects/Atlas');
  });

  it('fails with STORAGE_FULL and a clear sentence when the file cannot be written', async () => {
    await expect(
      writeMbox(join(folder, 'missing', 'x.mbox'), { seed: 1, messages: 5 }),
    ).rejects.toMatchObject({
      code: 'STORAGE_FULL',
    });
  });
});
