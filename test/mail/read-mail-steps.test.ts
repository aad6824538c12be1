/**
 * readMailInChunks hands the messages of an mbox on a chunk at a time (read-mail.ts), but never
 * more than a hundred in one step: a megabyte of short messages would otherwise be a thousand
 * messages' facts held at once in the reader. readMail gives the same items one by one.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ReadItem, readMail, readMailInChunks } from '../../electron/engine/mail/read-mail.ts';

function shortMessages(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) {
    text += `From sender@x Mon Mar  3 09:00:00 2025\nFrom: a@x.example\nTo: b@x.example\nSubject: ${i}\nMessage-ID: <${i}@x>\nDate: Mon, 3 Mar 2025 09:00:00 +0000\n\nHi\n\n`;
  }
  return text;
}

describe('reading in steps', () => {
  it('hands on at most a hundred messages a step, the same items as one by one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mail-steps-')), 'short.mbox');
    // ≈ 170 bytes a message: a 1 MB read holds thousands of them, and 32 KB of it ≈ 190.
    writeFileSync(file, shortMessages(8000), 'latin1');
    const steps: number[] = [];
    const stepped: ReadItem[] = [];
    for await (const items of readMailInChunks([file], { blocking: true })) {
      steps.push(items.length);
      stepped.push(...items);
    }
    expect(stepped.length).toBe(8000);
    expect(Math.max(...steps)).toBe(100);
    const single: ReadItem[] = [];
    for await (const item of readMail([file])) single.push(item);
    expect(single).toEqual(stepped);
  });

  it('hands on the messages of 32 KB of an mbox at a time, not of a whole read', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mail-steps-')), 'kilobyte.mbox');
    // ≈ 1 KB a message, 300 KB in all: one read of the file, about 32 messages in each 32 KB.
    const body = `${'x'.repeat(99)}\n`.repeat(8);
    writeFileSync(file, shortMessages(300).replaceAll('Hi\n', body), 'latin1');
    const steps: number[] = [];
    for await (const items of readMailInChunks([file], { blocking: true })) steps.push(items.length);
    expect(steps.reduce((sum, count) => sum + count, 0)).toBe(300);
    // Read whole, the file's 300 messages were held at once and handed on in steps of 100.
    expect(Math.max(...steps)).toBeLessThanOrEqual(40);
  });
});
