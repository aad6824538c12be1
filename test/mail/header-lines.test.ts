/**
 * Header lines are read by hand (headers.ts parseHeaderFields): the same fields, names and values
 * as the regular expression that used to read them, kept here as the reference. Checked on every
 * header block of the shared Enron users and on seeded lines around the edges (blanks before the
 * colon, CR inside a line, characters outside the name's range, folded lines, line separators).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type HeaderField, parseHeaderFields } from '../../electron/engine/mail/headers.ts';
import { CORPORA, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';
import { seededRandom } from '../seeded-random.ts';

/** The reading before: split into lines, one expression a line. */
function byExpression(text: string): HeaderField[] {
  const fields: HeaderField[] = [];
  let field: HeaderField | null = null;
  for (const line of text.split('\n')) {
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (clean === '') break;
    const first = clean.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (field !== null) field.value += clean;
      continue;
    }
    const match = /^([!-9;-~]+)[ \t]*:(.*)$/.exec(clean);
    field = match ? { name: match[1]!, value: match[2]! } : null;
    if (field) fields.push(field);
  }
  for (const entry of fields) entry.value = entry.value.trim();
  return fields;
}

function mismatches(blocks: Iterable<string>): string[] {
  const found: string[] = [];
  for (const block of blocks) {
    if (JSON.stringify(parseHeaderFields(block)) !== JSON.stringify(byExpression(block))) found.push(block);
  }
  return found;
}

function* seededBlocks(count: number): Generator<string> {
  const random = seededRandom(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const names = [
    'Subject',
    'X-Odd!#$',
    'To',
    'a',
    '~',
    'Bad Name',
    'Ünï',
    '',
    ':',
    'Date9;x',
    'A\x7fB',
    '\x00',
    '!',
  ];
  const gaps = ['', ' ', '\t', ' \t ', '  '];
  const values = ['', ' hello', 'x\ry', ' a\u2028b', ' \u00a0v\u00a0', 'one: two', ' tail\r', '\u2029'];
  const ends = ['\n', '\r\n', '\r\r\n', '\n\n', ''];
  for (let i = 0; i < count; i++) {
    let block = '';
    const lines = 1 + Math.floor(random() * 6);
    for (let line = 0; line < lines; line++) {
      const folded = random() < 0.2;
      block += folded ? `${pick([' ', '\t'])}${pick(values)}` : `${pick(names)}${pick(gaps)}:${pick(values)}`;
      if (random() < 0.1) block += pick(names);
      block += pick(ends);
    }
    yield random() < 0.1 ? ` ${block}` : block;
  }
}

/** Each message's header block in the mbox files of a folder, as the reader decodes it (Latin-1). */
function* headerBlocks(folder: string): Generator<string> {
  for (const file of readdirSync(folder)) {
    const text = readFileSync(join(folder, file), 'latin1');
    for (const message of text.matchAll(/(?:^|\n)From [^\n]*\n([\s\S]*?\n)\r?\n/g)) yield message[1]!;
  }
}

describe('header lines', () => {
  it('read as the expression read them, on seeded blocks around the edges', () => {
    expect(parseHeaderFields('Subject : hi\n there\nX:\r\n\r\nTo: after')).toEqual([
      { name: 'Subject', value: 'hi there' },
      { name: 'X', value: '' },
    ]);
    expect(mismatches(seededBlocks(20_000))).toEqual([]);
  });

  it.skipIf(skipWithoutCorpora)(
    `read as the expression read them, on every Enron header block${withoutCorporaNote}`,
    () => {
      const blocks = ['allen-p', 'beck-s', 'farmer-d', 'lavorato-j'].flatMap((user) => [
        ...headerBlocks(join(CORPORA, 'enron', user)),
      ]);
      expect(blocks.length).toBeGreaterThan(17_000);
      expect(mismatches(blocks)).toEqual([]);
    },
  );
});
