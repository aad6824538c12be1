/**
 * Charsets: a label as mail writes it → the decoder that reads it, and the one rule for bytes
 * whose charset is not known.
 *
 * Node's TextDecoder (full ICU) reads every encoding of the WHATWG Encoding Standard under its
 * WHATWG labels. Mail also writes other spellings (Python's `eucgb2312_cn`, `cp936`, `x-euc-cn`,
 * `ks_c_5601`, `iso8859_15`, `shift-jisx0213`…); those are mapped here to the encoding they
 * name. Labels of encodings WHATWG decodes only as "replacement" (ISO-2022-KR/CN, HZ), labels
 * nobody defines (`unknown-8bit`, `x-unknown`, `none`) and encodings Node cannot read (UTF-7,
 * cp437, Johab) are *unknown*; unknown bytes follow {@link decodeUnknownBytes}.
 */

import { TextDecoder } from 'node:util';

export type Bytes = Uint8Array;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** Spellings TextDecoder refuses, by compact key (lower case, no `x-`/`cs` prefix, no `-_ .:`). */
const ALIASES: ReadonlyMap<string, string> = new Map([
  // Simplified Chinese. GBK is a superset of GB2312 (EUC-CN); GB18030 of GBK.
  ['eucgb2312cn', 'gbk'],
  ['euccn', 'gbk'],
  ['gb2312', 'gbk'],
  ['gb231280', 'gbk'],
  ['gb23121980', 'gbk'],
  ['gbk', 'gbk'],
  ['gb18030', 'gb18030'],
  ['gb180302000', 'gb18030'],
  ['gb180302005', 'gb18030'],
  // Traditional Chinese. WHATWG big5 is Big5-HKSCS.
  ['big5', 'big5'],
  ['big5hkscs', 'big5'],
  ['big5tw', 'big5'],
  ['cnbig5', 'big5'],
  // Japanese. WHATWG shift_jis is Windows-31J; the JIS X 0213 variants share its common rows.
  ['shiftjis', 'shift_jis'],
  ['sjis', 'shift_jis'],
  ['mskanji', 'shift_jis'],
  ['windows31j', 'shift_jis'],
  ['shiftjisx0213', 'shift_jis'],
  ['shiftjis2004', 'shift_jis'],
  ['eucjp', 'euc-jp'],
  ['ujis', 'euc-jp'],
  ['eucjisx0213', 'euc-jp'],
  ['eucjis2004', 'euc-jp'],
  ['iso2022jp', 'iso-2022-jp'],
  ['iso2022jp1', 'iso-2022-jp'],
  ['iso2022jp2', 'iso-2022-jp'],
  ['iso2022jp3', 'iso-2022-jp'],
  ['iso2022jp2004', 'iso-2022-jp'],
  ['iso2022jpext', 'iso-2022-jp'],
  ['junet', 'iso-2022-jp'],
  // Korean. WHATWG euc-kr is the Unified Hangul Code (cp949) superset.
  ['euckr', 'euc-kr'],
  ['ksc5601', 'euc-kr'],
  ['ksc56011987', 'euc-kr'],
  ['ksx1001', 'euc-kr'],
  ['uhc', 'euc-kr'],
  ['korean', 'euc-kr'],
  // Cyrillic.
  ['koi8', 'koi8-r'],
  ['koi8r', 'koi8-r'],
  ['koi8u', 'koi8-u'],
  ['koi8ru', 'koi8-u'],
  // Thai, Hebrew, the Latin-N names WHATWG lacks.
  ['tis620', 'windows-874'],
  ['iso88598i', 'iso-8859-8-i'],
  ['iso88598e', 'iso-8859-8'],
  ['latin7', 'iso-8859-13'],
  ['latin8', 'iso-8859-14'],
  ['latin9', 'iso-8859-15'],
  ['latin10', 'iso-8859-16'],
  ['utf8', 'utf-8'],
]);

/** Windows and IBM code page numbers (`cp936`, `windows-1251`, `ms932`, `ibm866`). */
const CODE_PAGES: ReadonlyMap<string, string> = new Map([
  ['866', 'ibm866'],
  ['874', 'windows-874'],
  ['932', 'shift_jis'],
  ['936', 'gbk'],
  ['949', 'euc-kr'],
  ['950', 'big5'],
  ['1250', 'windows-1250'],
  ['1251', 'windows-1251'],
  ['1252', 'windows-1252'],
  ['1253', 'windows-1253'],
  ['1254', 'windows-1254'],
  ['1255', 'windows-1255'],
  ['1256', 'windows-1256'],
  ['1257', 'windows-1257'],
  ['1258', 'windows-1258'],
  ['10000', 'macintosh'],
  ['20866', 'koi8-r'],
  ['21866', 'koi8-u'],
  ['50220', 'iso-2022-jp'],
  ['50221', 'iso-2022-jp'],
  ['50222', 'iso-2022-jp'],
  ['51932', 'euc-jp'],
  ['54936', 'gb18030'],
]);

/** Encodings TextDecoder knows only as "replacement" (one U+FFFD for the whole input): unknown here. */
const REPLACEMENT = 'replacement';

const resolved = new Map<string, string | null>();
const decoders = new Map<string, TextDecoder>();

/** The WHATWG name of the encoding a charset label names, or null when it is unknown. */
export function resolveCharset(label: string): string | null {
  const key = label.trim().replace(/^"|"$/g, '').toLowerCase();
  let encoding = resolved.get(key);
  if (encoding === undefined) {
    encoding = lookUp(key);
    // Labels come from the mail itself: keep the memo small whatever a mailbox invents.
    if (resolved.size >= 512) resolved.clear();
    resolved.set(key, encoding);
  }
  return encoding;
}

function lookUp(label: string): string | null {
  const asWritten = whatwgEncoding(label);
  if (asWritten !== undefined) return asWritten;
  const compact = label.replace(/^(?:x-|cs)/, '').replace(/[-_ .:]/g, '');
  const alias = ALIASES.get(compact);
  if (alias !== undefined) return alias;
  const codePage = /^(?:cp|ms|windows|ibm|mscp|win)(\d+)$/.exec(compact);
  if (codePage) return CODE_PAGES.get(codePage[1]!) ?? null;
  const iso8859 = /^(?:iso)?8859(\d{1,2})$/.exec(compact);
  if (iso8859) return whatwgEncoding(`iso-8859-${iso8859[1]}`) ?? null;
  return null;
}

/** TextDecoder's name for a label; undefined when it refuses the label, null for "replacement". */
function whatwgEncoding(label: string): string | null | undefined {
  try {
    const { encoding } = new TextDecoder(label);
    return encoding === REPLACEMENT ? null : encoding;
  } catch {
    return undefined;
  }
}

function decoderFor(encoding: string): TextDecoder {
  let decoder = decoders.get(encoding);
  if (decoder === undefined) {
    decoder = new TextDecoder(encoding);
    decoders.set(encoding, decoder);
  }
  return decoder;
}

/** Whether the bytes are valid UTF-8. */
export function isUtf8(bytes: Bytes): boolean {
  try {
    utf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Bytes whose charset is unknown: UTF-8 when they are valid UTF-8 (ASCII included), otherwise
 * windows-1252. Valid UTF-8 is almost never an accident in another charset, and unknown labels
 * (`unknown-8bit`, `x-unknown`) mostly hold it today; windows-1252, the WHATWG reading of a
 * `latin1` label, maps every byte to a character, so nothing is dropped, and is the most common
 * legacy charset of unlabelled mail.
 */
export function decodeUnknownBytes(bytes: Bytes): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return windows1252.decode(bytes);
  }
}

/** Bytes in the charset a label names; an unknown label follows {@link decodeUnknownBytes}. */
export function decodeBytes(bytes: Bytes, label: string | null): string {
  const encoding = label === null ? null : resolveCharset(label);
  return encoding === null ? decodeUnknownBytes(bytes) : decoderFor(encoding).decode(bytes);
}

/** Whether the bytes hold an ISO-2022-JP escape: ESC $ @, ESC $ B, ESC $ ( D, ESC ( B, ESC ( J, ESC ( I. */
function hasIso2022JpEscape(bytes: Bytes): boolean {
  for (let i = bytes.indexOf(0x1b); i !== -1; i = bytes.indexOf(0x1b, i + 1)) {
    const text = Buffer.from(bytes.subarray(i + 1, i + 4)).toString('latin1');
    if (/^(?:\$[@B]|\$\(D|\([BJI])/.test(text)) return true;
  }
  return false;
}

/**
 * A header value written raw, outside encoded words (RFC 6532 allows UTF-8; older mailers wrote
 * their own charset). ASCII stays as is, except that 7-bit ISO-2022-JP escape sequences (old
 * Japanese mailers) read as ISO-2022-JP. With 8-bit bytes: UTF-8 when valid; otherwise the
 * charset the message's Content-Type declares, when known (mailers that write raw headers write
 * them in the body's charset); otherwise windows-1252.
 */
export function decodeRawHeader(bytes: Bytes, declaredCharset: string | null): string {
  let eightBit = false;
  for (const byte of bytes) {
    if (byte >= 0x80) {
      eightBit = true;
      break;
    }
  }
  if (!eightBit) {
    return hasIso2022JpEscape(bytes)
      ? decoderFor('iso-2022-jp').decode(bytes)
      : Buffer.from(bytes).toString('latin1');
  }
  if (isUtf8(bytes)) return utf8.decode(bytes);
  const declared = declaredCharset === null ? null : resolveCharset(declaredCharset);
  if (declared !== null && declared !== 'utf-8') return decoderFor(declared).decode(bytes);
  return windows1252.decode(bytes);
}

/** The `charset` parameter of a Content-Type value, or null. */
export function contentTypeCharset(contentType: string | undefined): string | null {
  if (contentType === undefined) return null;
  const match = /;\s*charset\s*=\s*(?:"([^"]*)"|([^\s;]+))/i.exec(contentType);
  const label = match?.[1] ?? match?.[2];
  return label ? label : null;
}
