/**
 * RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header values, read with the charsets of
 * `charset.ts`. Like Python's `email.header.decode_header` (the reference the mail model names):
 * whitespace between two encoded words is dropped, and adjacent words in the same charset are
 * joined as bytes before decoding, because mailers split one multi-byte character (or one
 * ISO-2022-JP escape run) across two words.
 */
import { type Bytes, decodeBytes, resolveCharset } from './charset.ts';

// The charset runs to the next `?` (an RFC 2231 `*language` suffix is dropped below); the text
// is taken lazily up to `?=`, so broken words with spaces in Q text still decode, as in Python.
const ENCODED_WORD = /=\?([^?\s]+)\?([QqBb])\?(.*?)\?=/g;
const LINEAR_WHITESPACE = /^[ \t\r\n]+$/;

interface Word {
  label: string;
  /** The encoding resolveCharset found; null when the label is unknown. */
  encoding: string | null;
  bytes: Bytes;
}

type Token = { text: string } | Word;

function isWord(token: Token): token is Word {
  return 'bytes' in token;
}

/** The payload bytes of one encoded word. */
function wordBytes(encoding: string, text: string): Bytes {
  if (encoding === 'B' || encoding === 'b') return Buffer.from(text.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '_') bytes.push(0x20);
    else if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(char, 'utf8'));
  }
  return Uint8Array.from(bytes);
}

function tokenize(value: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  for (const match of value.matchAll(ENCODED_WORD)) {
    if (match.index > position) tokens.push({ text: value.slice(position, match.index) });
    const label = match[1]!.split('*')[0]!;
    tokens.push({ label, encoding: resolveCharset(label), bytes: wordBytes(match[2]!, match[3]!) });
    position = match.index + match[0].length;
  }
  if (position < value.length) tokens.push({ text: value.slice(position) });
  return tokens;
}

/** Runs of adjacent words (whitespace between them dropped) as one word per charset, text kept. */
function joinRuns(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = out.at(-1);
    const next = tokens[i + 1];
    if (!isWord(token)) {
      const between = previous && next && isWord(previous) && isWord(next);
      if (!(between && LINEAR_WHITESPACE.test(token.text))) out.push(token);
      continue;
    }
    if (previous && isWord(previous) && sameCharset(previous, token)) {
      out[out.length - 1] = { ...previous, bytes: Buffer.concat([previous.bytes, token.bytes]) };
    } else out.push(token);
  }
  return out;
}

function sameCharset(a: Word, b: Word): boolean {
  return a.encoding === null
    ? b.encoding === null && a.label.toLowerCase() === b.label.toLowerCase()
    : a.encoding === b.encoding;
}

/** The runs of a value: literal text, and decoded text of encoded words. */
function decodedRuns(value: string): Array<{ text: string; encoded: boolean }> {
  return joinRuns(tokenize(value)).map((token) =>
    isWord(token)
      ? { text: decodeBytes(token.bytes, token.label), encoded: true }
      : { text: token.text, encoded: false },
  );
}

/** A header value with its encoded words decoded. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  return decodedRuns(value)
    .map((run) => run.text)
    .join('');
}

/**
 * The same value with every run of encoded words rewritten as one UTF-8 word, for a parser that
 * decodes words itself (the address parser): it then reads them as this module does, while the
 * words still stand as single atoms between the commas and brackets of an address list.
 */
export function encodedWordsAsUtf8(value: string): string {
  if (!value.includes('=?')) return value;
  return decodedRuns(value)
    .map((run) =>
      run.encoded ? `=?utf-8?B?${Buffer.from(run.text, 'utf8').toString('base64')}?=` : run.text,
    )
    .join('');
}
