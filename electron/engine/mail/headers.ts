/**
 * Reading a message's header block: the lines before the first empty line, unfolded. Each value
 * written with raw 8-bit bytes is decoded on its own by the raw-header rule of `charset.ts` (UTF-8
 * when valid, else the charset the Content-Type declares, else windows-1252), so one broken
 * header never spoils the others and a broken header never throws. Names are lower-cased; every
 * occurrence is kept in order.
 */
import { contentTypeCharset, decodeRawHeader } from './charset.ts';

export type HeaderMap = Map<string, string[]>;

const LF = 0x0a;
const CR = 0x0d;

/** Header names whose presence makes a block of `Name: value` lines a mail header. */
export const KNOWN_HEADERS: ReadonlySet<string> = new Set([
  'from',
  'date',
  'subject',
  'message-id',
  'received',
  'to',
  'cc',
  'return-path',
  'reply-to',
  'sender',
  'delivered-to',
  'mime-version',
  'x-gmail-labels',
]);

/** Where the header block ends: the index of the empty line's first byte, or the length when there is none. */
export function headerBlockEnd(raw: Uint8Array, from = 0): number {
  for (let i = raw.indexOf(LF, from); i !== -1; i = raw.indexOf(LF, i + 1)) {
    const next = raw[i + 1];
    if (next === LF) return i + 1;
    if (next === CR && raw[i + 2] === LF) return i + 1;
  }
  // A header block that starts with the empty line has no headers at all.
  if (raw[from] === LF || (raw[from] === CR && raw[from + 1] === LF)) return from;
  return raw.length;
}

/** Skips an mbox `From ` line at the very start (message files copied out of an mbox keep it). */
export function skipFromLine(raw: Buffer): number {
  if (raw.length >= 5 && raw[0] === 0x46 && raw.toString('latin1', 0, 5) === 'From ') {
    const eol = raw.indexOf(LF);
    return eol === -1 ? raw.length : eol + 1;
  }
  return 0;
}

/** One header field as written: its name in the message's own spelling, its value unfolded and trimmed. */
export interface HeaderField {
  name: string;
  value: string;
}

/**
 * A set of header names (lower-case) that a line's name is looked up in where it stands, by its
 * length and then character by character in any case: a name not kept is never copied or
 * lower-cased, and a kept one is given as this set's own string.
 */
export class HeaderNames {
  readonly #byLength: string[][] = [];

  constructor(names: Iterable<string>) {
    const lower = new Set([...names].map((name) => name.toLowerCase()));
    for (const name of lower) {
      const sameLength = this.#byLength[name.length] ?? [];
      sameLength.push(name);
      this.#byLength[name.length] = sameLength;
    }
  }

  has(name: string): boolean {
    return this.find(name, 0, name.length) !== undefined;
  }

  /** The kept name that `text[start, end)` spells in any case (names are printable ASCII), or undefined. */
  find(text: string, start: number, end: number): string | undefined {
    const candidates = this.#byLength[end - start];
    if (candidates === undefined) return undefined;
    for (const candidate of candidates) {
      let i = 0;
      while (i < candidate.length) {
        const code = text.charCodeAt(start + i);
        if ((code >= 0x41 && code <= 0x5a ? code | 0x20 : code) !== candidate.charCodeAt(i)) break;
        i += 1;
      }
      if (i === candidate.length) return candidate;
    }
    return undefined;
  }
}

/**
 * The fields of header text, in order; lines that are neither headers nor continuations are ignored.
 * With `keep`, only the fields of those names, named in lower case: the others are passed over as
 * a line that is not a header is (with their continuation lines), and their values never copied.
 */
export function parseHeaderFields(text: string, keep?: HeaderNames): HeaderField[] {
  const fields: HeaderField[] = [];
  let field: HeaderField | null = null;
  // Line by line without splitting the text or matching an expression per line: the reader's
  // busiest allocation was these lines' arrays and matches (≈ 60 of its ≈ 400 MB over the four
  // Enron users, all of it garbage to collect).
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    // One CR before the LF is not part of the line.
    const stop = end > start && text.charCodeAt(end - 1) === CR ? end - 1 : end;
    // The empty line ends the header block.
    if (stop === start) break;
    const first = text.charCodeAt(start);
    if (first === SPACE || first === TAB) {
      if (field !== null) field.value += text.slice(start, stop);
    } else {
      field = headerLine(text, start, stop, keep);
      if (field !== null) fields.push(field);
    }
    start = end + 1;
  }
  for (const entry of fields) entry.value = entry.value.trim();
  return fields;
}

const SPACE = 0x20;
const TAB = 0x09;
const COLON = 0x3a;

/**
 * The field a line starts, or null when it is not a header line: a name of printable ASCII but
 * the colon (RFC 5322 ftext), optional blanks, the colon, and a value without a line break (the
 * pattern /^([!-9;-~]+)[ \t]*:(.*)$/ says the same, and test/mail/header-lines.test.ts holds them equal).
 */
function headerLine(
  text: string,
  start: number,
  stop: number,
  keep: HeaderNames | undefined,
): HeaderField | null {
  let at = start;
  for (let code = text.charCodeAt(at); at < stop && code >= 0x21 && code <= 0x7e && code !== COLON; ) {
    at += 1;
    code = text.charCodeAt(at);
  }
  if (at === start) return null;
  const nameEnd = at;
  while (at < stop && (text.charCodeAt(at) === SPACE || text.charCodeAt(at) === TAB)) at += 1;
  if (at === stop || text.charCodeAt(at) !== COLON) return null;
  const name = keep === undefined ? text.slice(start, nameEnd) : keep.find(text, start, nameEnd);
  if (name === undefined) return null;
  let valueStart = at + 1;
  for (let i = valueStart; i < stop; i++) {
    const code = text.charCodeAt(i);
    if (code === CR || code === 0x2028 || code === 0x2029) return null;
  }
  // Blanks after the colon are left out here rather than trimmed later (one string fewer a
  // field); the value is trimmed at the end either way, so it is the same.
  while (valueStart < stop && (text.charCodeAt(valueStart) === SPACE || text.charCodeAt(valueStart) === TAB))
    valueStart += 1;
  return { name, value: text.slice(valueStart, stop) };
}

function toMap(fields: readonly HeaderField[]): HeaderMap {
  const headers: HeaderMap = new Map();
  for (const { name, value } of fields) {
    const key = name.toLowerCase();
    const list = headers.get(key);
    if (list) list.push(value);
    else headers.set(key, [value]);
  }
  return headers;
}

const KNOWN_NAMES = new HeaderNames(KNOWN_HEADERS);

/** Whether header text (already decoded) holds a header line with a known name; no other field is copied. */
export function hasKnownHeaderLine(text: string): boolean {
  return parseHeaderFields(text, KNOWN_NAMES).length > 0;
}

const ESC = 0x1b;

/** Whether a value (one character per byte) holds a byte that is not plain ASCII text: 8-bit, or an ISO-2022 ESC. */
function needsDecoding(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x80 || code === ESC) return true;
  }
  return false;
}

/**
 * The header fields of a raw message, values decoded (the raw-header rule of `charset.ts`;
 * encoded words are left for the fields that hold text). The block is read as Latin-1 first,
 * which keeps every byte as one character, so a value's bytes can be recovered exactly.
 */
export function readHeaderFields(raw: Buffer, keep?: HeaderNames): HeaderField[] {
  const start = skipFromLine(raw);
  const fields = parseHeaderFields(raw.toString('latin1', start, headerBlockEnd(raw, start)), keep);
  if (!fields.some((field) => needsDecoding(field.value))) return fields;
  const contentType = fields.find((field) => field.name.toLowerCase() === 'content-type');
  const declared = contentTypeCharset(contentType?.value);
  for (const field of fields) {
    if (needsDecoding(field.value))
      field.value = decodeRawHeader(Buffer.from(field.value, 'latin1'), declared);
  }
  return fields;
}

/**
 * The header map of a raw message, or null when its start holds no header with a known name.
 * With `keep`, only those headers (it must hold every name of KNOWN_HEADERS and Content-Type,
 * which the known-header check and the decoding of 8-bit values read).
 */
export function readHeaders(raw: Buffer, keep?: HeaderNames): HeaderMap | null {
  const headers = toMap(readHeaderFields(raw, keep));
  return hasKnownHeader(headers) ? headers : null;
}

export function hasKnownHeader(headers: HeaderMap): boolean {
  for (const name of headers.keys()) if (KNOWN_HEADERS.has(name)) return true;
  return false;
}

/** The first value of a header, or undefined. */
export function firstHeader(headers: HeaderMap, name: string): string | undefined {
  return headers.get(name)?.[0];
}

/** Headers given as name/value pairs (the Gmail API shape), values unfolded the same way. */
export function headersFromPairs(pairs: ReadonlyArray<{ name: string; value: string }>): HeaderMap {
  const headers: HeaderMap = new Map();
  for (const { name, value } of pairs) {
    const key = name.toLowerCase();
    const clean = value.replace(/\r?\n(?=[ \t])/g, '').trim();
    const list = headers.get(key);
    if (list) list.push(clean);
    else headers.set(key, [clean]);
  }
  return headers;
}
