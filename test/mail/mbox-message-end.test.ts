/**
 * A message's bytes, and so its size (figure 13, bytes per sender), do not depend on whether
 * another message follows it in the file: the empty line before a separator belongs to the
 * separator, and the empty line at the end of the file is dropped the same way (as Python's
 * mailbox reads an mbox). Found by splitting a real mailbox in two: the last message of the
 * first part was one byte longer.
 */
import { describe, expect, it } from 'vitest';
import { MboxSplitter } from '../../electron/engine/mail/mbox-splitter.ts';

function messages(text: string): string[] {
  const splitter = new MboxSplitter();
  const out = [...splitter.push(Buffer.from(text, 'latin1')), ...splitter.end()];
  return out.map((message) => message.raw.toString('latin1'));
}

const one = 'From: a@x.example\nSubject: one\n\nBody line\n';
const two = 'From: b@x.example\nSubject: two\n\nLast line\n';

describe('where a message ends', () => {
  it('the same bytes last in the file as before another message (LF)', () => {
    const both = messages(`From a Mon\n${one}\nFrom b Tue\n${two}\n`);
    expect(both).toEqual([one, two]);
    expect(messages(`From a Mon\n${one}\n`)).toEqual([one]);
  });

  it('the same with CRLF line ends', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const [first] = messages(crlf(`From a Mon\n${one}\nFrom b Tue\n${two}\n`));
    expect(messages(crlf(`From a Mon\n${one}\n`))).toEqual([first]);
  });

  it('a file without the final empty line keeps its last line break, and a body ending in empty lines keeps all but one', () => {
    expect(messages(`From a Mon\n${one}`)).toEqual([one]);
    expect(messages(`From a Mon\n${one}\n\n\n`)).toEqual([`${one}\n\n`]);
  });
});
