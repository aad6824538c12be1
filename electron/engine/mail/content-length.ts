/**
 * The Content-Length of a header block, read in its bytes: the mbox splitter asks it of every
 * message, and decoding each block to a string for one expression cost a second copy of every
 * header (the reader decodes it again for the fields). The rule is the expression
 * /^content-length:[ \t]*(\d+)[ \t]*\r?$/im on the block read as Latin-1: the first line (a line
 * starts after LF or CR) that is the name in any case, blanks, digits, blanks and its end.
 * test/mail/content-length.test.ts holds the two equal.
 */
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const ZERO = 0x30;
const NINE = 0x39;
const C_LOWER = 0x63;
const NAME = Buffer.from('content-length:', 'latin1');

/** The first valid Content-Length value in `buf[start, end)`, or null when there is none. */
export function contentLength(buf: Uint8Array, start: number, end: number): number | null {
  // Line ends found by indexOf (native), not byte by byte: this runs on every message of an mbox.
  const block = Buffer.from(buf.buffer, buf.byteOffset + start, end - start);
  let lf = block.indexOf(LF);
  let cr = block.indexOf(CR);
  for (let line = 0; line < block.length; ) {
    if ((block[line]! | 0x20) === C_LOWER) {
      const value = lengthOnLine(block, line, block.length);
      if (value !== null) return value;
    }
    if (lf !== -1 && lf < line) lf = block.indexOf(LF, line);
    if (cr !== -1 && cr < line) cr = block.indexOf(CR, line);
    const eol = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
    if (eol === -1) break;
    line = eol + 1;
  }
  return null;
}

function lengthOnLine(buf: Uint8Array, line: number, end: number): number | null {
  if (end - line < NAME.length + 1) return null;
  for (let i = 0; i < NAME.length; i++) {
    // ASCII letters match in either case (| 0x20 lower-cases a letter, and leaves '-' and ':').
    const byte = buf[line + i]!;
    if ((byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte) !== NAME[i]) return null;
  }
  let at = line + NAME.length;
  while (at < end && (buf[at] === SPACE || buf[at] === TAB)) at += 1;
  const digits = at;
  while (at < end && buf[at]! >= ZERO && buf[at]! <= NINE) at += 1;
  if (at === digits) return null;
  const number = Number(Buffer.from(buf.buffer, buf.byteOffset + digits, at - digits).toString('latin1'));
  while (at < end && (buf[at] === SPACE || buf[at] === TAB)) at += 1;
  return at === end || buf[at] === LF || buf[at] === CR ? number : null;
}
