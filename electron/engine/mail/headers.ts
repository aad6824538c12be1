/**
 * Reading a message's header block: the lines before the first empty line, unfolded, with raw
 * 8-bit bytes decoded as UTF-8 when they are valid UTF-8 and as Latin-1 otherwise (so a broken
 * header never throws). Names are lower-cased; every occurrence is kept in order.
 */
export type HeaderMap = Map<string, string[]>;

const utf8 = new TextDecoder('utf-8', { fatal: true });
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

const HEADER_LINE = /^([!-9;-~]+)[ \t]*:(.*)$/;

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

/** Decodes header bytes: plain ASCII fast, valid UTF-8 as UTF-8, anything else as Latin-1. */
export function decodeHeaderBytes(bytes: Buffer): string {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i]! >= 0x80) {
      try {
        return utf8.decode(bytes);
      } catch {
        return bytes.toString('latin1');
      }
    }
  }
  return bytes.toString('latin1');
}

/** Skips an mbox `From ` line at the very start (message files copied out of an mbox keep it). */
export function skipFromLine(raw: Buffer): number {
  if (raw.length >= 5 && raw[0] === 0x46 && raw.toString('latin1', 0, 5) === 'From ') {
    const eol = raw.indexOf(LF);
    return eol === -1 ? raw.length : eol + 1;
  }
  return 0;
}

/** Parses header text (already decoded) into a map; lines that are neither headers nor continuations are ignored. */
export function parseHeaderText(text: string): HeaderMap {
  const headers: HeaderMap = new Map();
  let name: string | null = null;
  let value = '';
  const flush = () => {
    if (name === null) return;
    const list = headers.get(name);
    const trimmed = value.trim();
    if (list) list.push(trimmed);
    else headers.set(name, [trimmed]);
    name = null;
  };
  for (const line of text.split('\n')) {
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (clean === '') break;
    const first = clean.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      if (name !== null) value += clean;
      continue;
    }
    flush();
    const match = HEADER_LINE.exec(clean);
    if (match) {
      name = match[1]!.toLowerCase();
      value = match[2]!;
    }
  }
  flush();
  return headers;
}

/** The header map of a raw message, or null when its start holds no header with a known name. */
export function readHeaders(raw: Buffer): HeaderMap | null {
  const start = skipFromLine(raw);
  const end = headerBlockEnd(raw, start);
  const headers = parseHeaderText(decodeHeaderBytes(raw.subarray(start, end)));
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
