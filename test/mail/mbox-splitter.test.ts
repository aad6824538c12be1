/**
 * The mbox splitter's bounds: time linear in the input and memory bounded whatever one message
 * holds. A message past the cap keeps only its first bytes (its header) and says so; a long
 * header line or separator line is scanned once, not held; the result never depends on how the
 * bytes are cut into chunks.
 */
import { describe, expect, it } from 'vitest';
import { type MboxMessage, MboxSplitter } from '../../electron/engine/mail/mbox-splitter.ts';

const KiB = 1024;

function splitInChunks(parts: Buffer[], chunk: number, cap: number) {
  const splitter = new MboxSplitter({ maxMessageBytes: cap });
  const out: MboxMessage[] = [];
  let held = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i += chunk) {
      out.push(...splitter.push(part.subarray(i, i + chunk)));
      held = Math.max(held, splitter.heldBytes);
    }
  }
  out.push(...splitter.end());
  return { out, held };
}

const header = Buffer.from('From a\nFrom: a@x\nSubject: big\n\n');
const next = Buffer.from('\n\nFrom b\nFrom: b@x\nSubject: after\n\nhi\n');
const body = (bytes: number) => Buffer.alloc(bytes, 'line of a long body\n');

describe('the mbox splitter past its cap', () => {
  it('a message 100 times the cap: its first bytes kept, its size told, memory about the cap and a chunk, twice at most', () => {
    const cap = 64 * KiB;
    for (const chunk of [1000, 4 * KiB, 100 * KiB]) {
      const { out, held } = splitInChunks([header, body(100 * cap), next], chunk, cap);
      expect(out.map((m) => [m.offset, m.size, m.truncated, m.raw.length])).toEqual([
        [0, header.length - 7 + 100 * cap + 1, true, cap],
        [header.length + 100 * cap + 2, next.length - 9, false, next.length - 9],
      ]);
      expect(out[0]!.raw.toString('latin1', 0, 24)).toBe('From: a@x\nSubject: big\n\n');
      expect(held).toBeLessThan(2 * (cap + chunk) + 64 * KiB);
    }
  });

  it('a header line of 5 MB and a separator line of 5 MB are read past, not held', () => {
    const cap = 256 * KiB;
    const longHeader = Buffer.concat([Buffer.from('From a\nSubject: '), Buffer.alloc(5 * 1024 * KiB, 'x')]);
    const longSeparator = Buffer.concat([Buffer.from('\n\n\nFrom '), Buffer.alloc(5 * 1024 * KiB, 'y')]);
    const after = Buffer.from('\nFrom: b@x\nSubject: after\n\nhi\n');
    const { out, held } = splitInChunks([longHeader, longSeparator, after], 64 * KiB, cap);
    expect(out.map((m) => [m.truncated, m.raw.length])).toEqual([
      [true, cap],
      [false, after.length - 1],
    ]);
    expect(out[1]!.raw.toString()).toContain('Subject: after');
    expect(held).toBeLessThan(2 * (cap + 64 * KiB) + 64 * KiB);
  });

  it('under the cap nothing changes with the chunk size', () => {
    const text = Buffer.concat([header, body(10 * KiB), next, Buffer.from('\nFrom c\n\n>From quoted\n')]);
    const whole = splitInChunks([text], text.length, 1024 * KiB).out;
    for (const chunk of [1, 3, 7, 500]) expect(splitInChunks([text], chunk, 1024 * KiB).out).toEqual(whole);
    expect(whole.map((m) => m.truncated)).toEqual([false, false, false]);
  });
});
