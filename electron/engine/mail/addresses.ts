/**
 * Addresses, as the mail model reads them: the addr-spec as written, display name and comments
 * removed, trimmed, lower-cased, `@googlemail.com` → `@gmail.com`; nothing else repaired. A
 * token without `@` is not an address. Parsing is postal-mime's lenient parser (the reference is
 * Python's `email.utils.getaddresses`: groups flattened, duplicates kept). Encoded words in
 * display names are read with the mail model's charsets (`encoded-words.ts`), not the parser's.
 */
import { addressParser } from 'postal-mime';
import { ADDRESS_LIST_LIMIT, addressPieces, LONG_ADDRESS_HEADER } from './address-pieces.ts';
import { decodeEncodedWords, encodedWordsAsUtf8 } from './encoded-words.ts';

export interface NamedAddress {
  address: string;
  /** The decoded display name; null when there is none. */
  name: string | null;
}

interface ParsedEntry {
  address?: string;
  name?: string;
  group?: ParsedEntry[];
}

/** Normalises one addr-spec; null when it is not an address. */
export function normalizeAddress(value: string): string | null {
  const address = value.trim().toLowerCase();
  if (!address.includes('@')) return null;
  return address.endsWith('@googlemail.com')
    ? `${address.slice(0, -'@googlemail.com'.length)}@gmail.com`
    : address;
}

// Bare comma-separated addr-specs (the bulk of real recipient lists) need no full parse.
const PLAIN_LIST = /^[^"<>()\\:;=,\s]+(?:\s*,\s*[^"<>()\\:;=,\s]+)*\s*,?$/;

/** Every address in one header value, in order, duplicates kept. */
export function parseAddressList(value: string | undefined): NamedAddress[] {
  if (value === undefined || value === '') return [];
  if (value.length > LONG_ADDRESS_HEADER) return longList(value);
  if (PLAIN_LIST.test(value)) return plainList(value);
  const out: NamedAddress[] = [];
  collect(parsed(value), out);
  return out;
}

function parsed(value: string): ParsedEntry[] {
  try {
    return addressParser(encodedWordsAsUtf8(value)) as ParsedEntry[];
  } catch {
    return [];
  }
}

/** A header past LONG_ADDRESS_HEADER, piece by piece, up to one address more than a message keeps (see address-pieces.ts). */
function longList(value: string): NamedAddress[] {
  const out: NamedAddress[] = [];
  for (const piece of addressPieces(value)) {
    collect(parsed(piece), out);
    if (out.length > ADDRESS_LIST_LIMIT) return out.slice(0, ADDRESS_LIST_LIMIT + 1);
  }
  return out;
}

function plainList(value: string): NamedAddress[] {
  const out: string[] = [];
  plainAddresses(value, out);
  return out.map((address) => ({ address, name: null }));
}

/** A plain list's addresses, comma by comma where they stand (no array of tokens). */
function plainAddresses(value: string, out: string[]): void {
  for (let start = 0; start <= value.length; ) {
    let end = value.indexOf(',', start);
    if (end === -1) end = value.length;
    const address = normalizeAddress(value.slice(start, end));
    if (address !== null) out.push(address);
    start = end + 1;
  }
}

function collect(entries: ParsedEntry[], out: NamedAddress[]): void {
  for (const entry of entries) {
    if (entry.group) {
      collect(entry.group, out);
      continue;
    }
    const address = normalizeAddress(entry.address ?? '');
    if (address === null) continue;
    out.push({ address, name: displayName(entry.name) });
  }
}

function displayName(name: string | undefined): string | null {
  if (name === undefined) return null;
  // The parser has decoded the words it saw as words; this catches any it left, as written.
  const decoded = decodeEncodedWords(name).trim();
  return decoded === '' ? null : decoded;
}

/**
 * The addresses alone of several header values taken together (parseAddressHeaders without the
 * names): To, Cc and Bcc keep no names, and a plain list is read straight into strings, with no
 * entry object a recipient and no second array (test/mail/facts-read-by-hand.test.ts holds it equal).
 */
export function addressesOf(values: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const value of values ?? []) {
    if (value.length <= LONG_ADDRESS_HEADER && PLAIN_LIST.test(value)) plainAddresses(value, out);
    else for (const entry of parseAddressList(value)) out.push(entry.address);
  }
  return out;
}

/** Addresses of several header values taken together. */
export function parseAddressHeaders(values: readonly string[] | undefined): NamedAddress[] {
  if (!values) return [];
  if (values.length === 1) return parseAddressList(values[0]);
  return values.flatMap((value) => parseAddressList(value));
}
