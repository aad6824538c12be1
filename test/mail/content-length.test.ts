/**
 * The mbox splitter reads Content-Length in the header block's bytes (content-length.ts): the same
 * value as the expression it used on the block decoded to Latin-1, kept here as the reference.
 * Checked on every header block of the shared corpora's files and on seeded blocks around the
 * edges (case, blanks, CR as a line end, digits then text, the name inside a line, no digits).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentLength } from '../../electron/engine/mail/content-length.ts';
import { CORPORA, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';
import { seededRandom } from '../seeded-random.ts';

function byExpression(block: Buffer): number | null {
  const match = /^content-length:[ \t]*(\d+)[ \t]*\r?$/im.exec(block.toString('latin1'));
  return match ? Number(match[1]) : null;
}

function mismatches(blocks: Iterable<Buffer>): string[] {
  const found: string[] = [];
  for (const block of blocks) {
    if (contentLength(block, 0, block.length) !== byExpression(block)) found.push(block.toString('latin1'));
  }
  return found;
}

function* seededBlocks(count: number): Generator<Buffer> {
  const random = seededRandom(18);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const names = [
    'Content-Length',
    'content-length',
    'CONTENT-LENGTH',
    'Content-Lengt',
    'XContent-Length',
    'Subject',
  ];
  const gaps = ['', ' ', '\t', ' \t ', '\u00a0'];
  const values = ['', '12', '0', '007', '12x', '1 2', '99999999999999999999', '-3', '\u00b2'];
  const ends = ['\n', '\r\n', '\r', '\r\r\n', '\n\n', ''];
  for (let i = 0; i < count; i++) {
    let block = '';
    const lines = 1 + Math.floor(random() * 5);
    for (let line = 0; line < lines; line++) {
      if (random() < 0.15) block += pick(['x', ' ', 'From: a ']);
      block += `${pick(names)}:${pick(gaps)}${pick(values)}${pick(gaps)}${pick(ends)}`;
    }
    yield Buffer.from(block, 'latin1');
  }
}

/** The header block (up to its empty line) of every file under a folder, and of every message of an mbox. */
function* headerBlocks(folder: string): Generator<Buffer> {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) {
      yield* headerBlocks(path);
      continue;
    }
    const text = readFileSync(path, 'latin1');
    for (const part of text.split(/\nFrom [^\n]*\n/)) {
      const end = part.search(/\r?\n\r?\n/);
      yield Buffer.from(end === -1 ? part : part.slice(0, end + 2), 'latin1');
    }
  }
}

describe('Content-Length in the header bytes', () => {
  it('reads what the expression read, on seeded blocks around the edges', () => {
    const read = (text: string) => contentLength(Buffer.from(text, 'latin1'), 0, text.length);
    expect(read('Subject: a\ncontent-LENGTH: \t42 \r\nX: y\n\n')).toBe(42);
    expect(read('Content-Length: 4x\nContent-Length: 5\n')).toBe(5);
    expect(read('X-Content-Length: 4\n')).toBeNull();
    expect(mismatches(seededBlocks(20_000))).toEqual([]);
  });

  it('reads only inside the range it is given', () => {
    const block = Buffer.from('From x\nContent-Length: 31\n\nbody', 'latin1');
    expect(contentLength(block, 7, 28)).toBe(31);
    expect(contentLength(block, 7, 24)).toBe(3);
    expect(contentLength(block, 8, 28)).toBeNull();
  });

  it.skipIf(skipWithoutCorpora)(
    `reads what the expression read, on every header block of the shared corpora${withoutCorporaNote}`,
    () => {
      const blocks = ['enron', 'spamassassin', 'fixtures'].flatMap((set) => [
        ...headerBlocks(join(CORPORA, set)),
      ]);
      expect(blocks.length).toBeGreaterThan(20_000);
      expect(blocks.filter((block) => byExpression(block) !== null).length).toBeGreaterThan(30);
      expect(mismatches(blocks)).toEqual([]);
    },
  );
});
