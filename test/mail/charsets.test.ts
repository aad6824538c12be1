/**
 * docs/metrics.md "The mail model" (Subject: the decoded Subject) and "Top senders" (the decoded
 * name): encoded words and raw header bytes in legacy charsets. Every encoded word here is made by
 * hand: the bytes come from the charset's code table, worked out as noted beside each (row/cell
 * arithmetic for the CJK double-byte sets, the table position for the single-byte ones), and the
 * expected text is written as the characters themselves.
 */
import { describe, expect, it } from 'vitest';
import { resolveCharset } from '../../electron/engine/mail/charset.ts';
import { factsFromGmail, factsFromRaw } from '../../electron/engine/mail/facts.ts';
import { readHeaderFields } from '../../electron/engine/mail/headers.ts';

/** A Q-encoded word: every byte written as =XX. */
const q = (charset: string, bytes: number[]) =>
  `=?${charset}?Q?${bytes.map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')}?=`;
/** A B-encoded word of the same bytes. */
const b = (charset: string, bytes: number[]) => `=?${charset}?B?${Buffer.from(bytes).toString('base64')}?=`;

/** A raw message from header lines given as bytes (strings are ASCII; arrays are raw bytes). */
function rawMessage(lines: Array<string | Array<string | number[]>>): Buffer {
  const parts: Buffer[] = [];
  for (const line of lines) {
    const pieces = typeof line === 'string' ? [line] : line;
    for (const piece of pieces)
      parts.push(typeof piece === 'string' ? Buffer.from(piece, 'latin1') : Buffer.from(piece));
    parts.push(Buffer.from('\n'));
  }
  parts.push(Buffer.from('\nbody\n'));
  return Buffer.concat(parts);
}

const subjectOf = (raw: Buffer) => factsFromRaw(raw, { folderLabels: [] }).subject;
/** The decoded Subject of a message whose Subject header is the given (ASCII) value. */
const decoded = (subject: string) => subjectOf(rawMessage([`Subject: ${subject}`, 'From: a@x.example']));

// GB 2312 答 is row 20 cell 80 and 复 row 24 cell 20; EUC-CN adds 0xA0 to each: B4 F0, B8 B4.
const DA_FU = [0xb4, 0xf0, 0xb8, 0xb4];
// JIS X 0208 row 4 (hiragana): こ 0x2433, ん 0x2473, に 0x244B, ち 0x2441, は 0x244F.
const KONNICHIWA_JIS = [0x24, 0x33, 0x24, 0x73, 0x24, 0x4b, 0x24, 0x41, 0x24, 0x4f];
// Shift_JIS of an even JIS row 0x24: lead (0x24 + 1) / 2 + 0x70 = 0x82, trail = cell + 0x7E.
const KONNICHIWA_SJIS = [0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd];
// EUC-JP sets the high bit of both JIS bytes.
const KONNICHIWA_EUC = KONNICHIWA_JIS.map((byte) => byte | 0x80);
const ESC_JIS = [0x1b, 0x24, 0x42]; // ESC $ B: JIS X 0208 in
const ESC_ASCII = [0x1b, 0x28, 0x42]; // ESC ( B: back to ASCII

describe('encoded words in the charsets mail uses', () => {
  it.each([
    ['GB2312', q('gb2312', DA_FU), '答复'],
    ["GB2312 under Python's alias eucgb2312_cn", q('eucgb2312_cn', DA_FU), '答复'],
    [
      'GB2312 as x-gbk, cp936, euc-cn, GB_2312-80',
      `${q('x-gbk', DA_FU)} ${q('CP936', [0x3a])} ${q('euc-cn', [0xb4, 0xf0])}${q('GB_2312-80', [0xb8, 0xb4])}`,
      '答复:答复',
    ],
    // GB 18030 four-byte codes count up from 81 30 81 30 at U+0080 (bytes 4 and 2 run 0x30–0x39,
    // byte 3 0x81–0xFE): U+00A2 is 34 = 3 × 10 + 4 steps on, 81 30 84 34. é is GB 2312 row 8 cell 6: A8 A6.
    ['GB18030 (four-byte and two-byte codes)', q('GB18030', [0x81, 0x30, 0x84, 0x34, 0xa8, 0xa6]), '¢é'],
    // Big5 中 A4 A4, 文 A4 E5 (the first block of frequent hanzi).
    ['Big5', b('big5', [0xa4, 0xa4, 0xa4, 0xe5]), '中文'],
    ['Big5-HKSCS and cp950', `${q('Big5-HKSCS', [0xa4, 0xa4])}${q('cp950', [0xa4, 0xe5])}`, '中文'],
    ['Shift_JIS', b('Shift_JIS', KONNICHIWA_SJIS), 'こんにちは'],
    [
      'Shift_JIS as cp932 and x-sjis',
      `${q('cp932', KONNICHIWA_SJIS.slice(0, 4))}${q('x-sjis', KONNICHIWA_SJIS.slice(4))}`,
      'こんにちは',
    ],
    ['EUC-JP', q('EUC-JP', KONNICHIWA_EUC), 'こんにちは'],
    ['ISO-2022-JP', b('ISO-2022-JP', [...ESC_JIS, ...KONNICHIWA_JIS, ...ESC_ASCII]), 'こんにちは'],
    // KS X 1001 안 row 30 cell 40 → BE C8; 녕 row 19 cell 71 → B3 E7.
    ['EUC-KR', q('euc-kr', [0xbe, 0xc8, 0xb3, 0xe7]), '안녕'],
    [
      'EUC-KR as ks_c_5601-1987 and cp949',
      `${q('ks_c_5601-1987', [0xbe, 0xc8])} ${q('cp949', [0xb3, 0xe7])}`,
      '안녕',
    ],
    // KOI8-R puts lower case at C0–DF (юабцдефгхийклмнопярстужвьызшэщчъ), upper case 0x20 above.
    ['KOI8-R', q('koi8-r', [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]), 'Привет'],
    // KOI8-U differs from KOI8-R in eight cells, among them A7 = ї (KOI8-R: a box-drawing sign).
    ['KOI8-U', q('KOI8-U', [0xeb, 0xc9, 0xa7, 0xd7]), 'Київ'],
    // windows-1251: А–Я at C0–DF, а–я at E0–FF in alphabet order: М index 12, и 8, р 16.
    ['windows-1251', q('windows-1251', [0xcc, 0xe8, 0xf0]), 'Мир'],
    ['windows-1250', q('windows-1250', [0xa3, 0xf3, 0x64, 0x9f]), 'Łódź'],
    [
      'windows-1252 (the 0x80–0x9F row)',
      q('windows-1252', [0x80, 0x35, 0x20, 0x96, 0x20, 0x93, 0x6f, 0x6b, 0x94]),
      '€5 – “ok”',
    ],
    ['windows-1253', q('cp1253', [0xc3, 0xe5, 0xe9, 0xe1]), 'Γεια'],
    ['windows-1254', q('windows-1254', [0x49, 0xfe, 0xfd, 0x6b]), 'Işık'],
    // Hebrew letters run from א at E0 in alphabet order: ש F9, ל EC, ו E5, ם ED.
    ['windows-1255', q('windows-1255', [0xf9, 0xec, 0xe5, 0xed]), 'שלום'],
    ['ISO-8859-1', q('ISO-8859-1', [0x63, 0x61, 0x66, 0xe9]), 'café'],
    ['ISO-8859-2', q('iso-8859-2', [0xa3, 0xf3, 0x64, 0xbc]), 'Łódź'],
    // ISO-8859-5: А–Я at B0–CF, а–я at D0–EF.
    ['ISO-8859-5', q('ISO-8859-5', [0xbc, 0xd8, 0xe0]), 'Мир'],
    ['ISO-8859-7', q('iso-8859-7', [0xc3, 0xe5, 0xe9, 0xe1]), 'Γεια'],
    ['ISO-8859-15 (€ at A4) as iso8859_15', q('iso8859_15', [0xa4]), '€'],
  ])('%s', (_name, word, expected) => {
    expect(decoded(word)).toBe(expected);
  });

  it('joins adjacent words of one charset as bytes: a character or an escape run split between two words', () => {
    // 答 split after its first byte; ISO-2022-JP split inside the JIS X 0208 run.
    expect(decoded(`${q('gb2312', [0xb4])} ${q('gb2312', [0xf0, 0xb8, 0xb4])}`)).toBe('答复');
    const jis = [...ESC_JIS, ...KONNICHIWA_JIS, ...ESC_ASCII];
    expect(decoded(`${b('iso-2022-jp', jis.slice(0, 7))}\r\n ${b('iso-2022-jp', jis.slice(7))}`)).toBe(
      'こんにちは',
    );
    // "é" is C3 A9 in UTF-8; split across two B words that each end mid-group.
    expect(decoded(`${b('utf-8', [0x63, 0x61, 0x66, 0xc3])} ${b('UTF-8', [0xa9])}`)).toBe('café');
  });

  it('keeps the text around the words, and the space between a word and text', () => {
    expect(decoded(`Re: ${q('gb2312', DA_FU)} [list] ok`)).toBe('Re: 答复 [list] ok');
    expect(decoded('=?iso-8859-1?Q?caf=E9_au_lait?=')).toBe('café au lait');
    expect(decoded('=?utf-8?Q?broken')).toBe('=?utf-8?Q?broken');
  });

  it('an unknown charset: UTF-8 when the bytes are valid UTF-8, otherwise windows-1252', () => {
    expect(resolveCharset('x-unknown')).toBeNull();
    expect(resolveCharset('iso-2022-kr')).toBeNull(); // WHATWG reads it only as "replacement"
    expect(decoded(q('x-unknown', [0x63, 0x61, 0x66, 0xc3, 0xa9]))).toBe('café');
    expect(decoded(q('unknown-8bit', [0x63, 0x61, 0x66, 0xe9]))).toBe('café');
    expect(decoded(q('none', [0x93, 0x6f, 0x6b, 0x94]))).toBe('“ok”');
  });
});

describe('raw 8-bit header bytes (no encoded words)', () => {
  it('UTF-8 when the bytes are valid UTF-8', () => {
    // ü is C3 BC, ß C3 9F in UTF-8.
    expect(subjectOf(rawMessage([['Subject: Gr', [0xc3, 0xbc, 0xc3, 0x9f], 'e'], 'From: a@x.example']))).toBe(
      'Grüße',
    );
  });

  it("otherwise the charset the message's Content-Type declares", () => {
    const raw = rawMessage([
      ['Subject: ', DA_FU, ': ok'],
      'Content-Type: text/plain; charset="GB2312"',
      'From: a@x.example',
    ]);
    expect(subjectOf(raw)).toBe('答复: ok');
  });

  it('otherwise windows-1252, one field at a time', () => {
    const raw = rawMessage([
      ['Subject: ', [0x93, 0x6f, 0x6b, 0x94], ' ', [0xa3], '5'],
      ['From: J', [0xc3, 0xb6], 'rg <j@x.example>'],
    ]);
    const facts = factsFromRaw(raw, { folderLabels: [] });
    expect(facts.subject).toBe('“ok” £5');
    // The From field is valid UTF-8 (ö is C3 B6) and is read so, whatever the Subject held.
    expect(facts.fromName).toBe('Jörg');
  });

  it('7-bit ISO-2022-JP written raw (escape sequences, no encoded word) reads as ISO-2022-JP', () => {
    expect(
      subjectOf(
        rawMessage([['Subject: ', [...ESC_JIS, ...KONNICHIWA_JIS, ...ESC_ASCII]], 'From: a@x.example']),
      ),
    ).toBe('こんにちは');
  });

  it('a synced copy reads the same: the emulator hands over header text decoded by the same rule', () => {
    const raw = rawMessage([
      ['Subject: ', DA_FU],
      'Content-Type: text/plain; charset=gb2312',
      ['From: ', q('big5', [0xa4, 0xa4, 0xa4, 0xe5]), ' <zhong@x.example>'],
      'Date: Mon, 7 Apr 2025 09:00:00 +0000',
    ]);
    const synced = factsFromGmail({ id: 'm1', threadId: 't1', payload: { headers: readHeaderFields(raw) } });
    const imported = factsFromRaw(raw, { folderLabels: [] });
    expect([synced.subject, synced.fromName]).toEqual(['答复', '中文']);
    expect([imported.subject, imported.fromName]).toEqual(['答复', '中文']);
  });
});

describe('display names', () => {
  it('are decoded with the same charsets, beside the right address', () => {
    const raw = rawMessage([
      `From: ${q('eucgb2312_cn', DA_FU)} <da@x.example>`,
      `To: ${b('koi8-u', [0xeb, 0xc9, 0xa7, 0xd7])} <kyiv@x.example>, =?utf-8?Q?Doe=2C_John?= <john@x.example>, plain@x.example`,
      `Reply-To: "${q('Shift_JIS', KONNICHIWA_SJIS)}" <jp@x.example>`,
    ]);
    const facts = factsFromRaw(raw, { folderLabels: [] });
    expect(facts.fromName).toBe('答复');
    // A decoded comma stays inside the name: three addresses, not four.
    expect(facts.to).toEqual(['kyiv@x.example', 'john@x.example', 'plain@x.example']);
    expect(facts.replyTo).toEqual(['jp@x.example']);
  });

  it('a "via" rewrite takes the decoded name beside Reply-To', () => {
    const raw = rawMessage([
      'From: "Hikers" <hikers@groups.example>',
      'List-Post: <mailto:hikers@groups.example>',
      `Reply-To: ${q('euc-jp', KONNICHIWA_EUC)} <jp@x.example>`,
    ]);
    const facts = factsFromRaw(raw, { folderLabels: [] });
    expect([facts.sender, facts.senderName]).toEqual(['jp@x.example', 'こんにちは']);
  });
});
