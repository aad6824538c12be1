/**
 * The byte layout of a column snapshot (docs/analytics.md "Column snapshot"): the columns a
 * report reads, written as they are in memory so that reading them back is one file read, a
 * checksum and typed-array views on the same bytes, with no per-message work at all.
 *
 *   0  "BRIEFCOL"            magic
 *   8  u32 FORMAT            bumped whenever this layout or the meaning of a column changes
 *  12  u32 crc32            of every byte from 16 to the end
 *  16  u32 count            messages
 *  20  u32 × 3              texts in the sender, thread-key and list-item tables
 *  32  u32 × 3              UTF-8 bytes of those tables
 *  44  u32                  lists, the empty list 0 included
 *  48  u32                  list items, all lists together
 *  52  u32                  UTF-8 bytes of the stamp (which store and accounts, how far into the change log)
 *  56  stamp, then the sections below, each starting on an 8-byte boundary:
 *      f64 rowId, time, size · i32 accountId, sender, threadKey, to, cc, bcc, labels ·
 *      u32 text lengths (UTF-16 units) of the three tables · i32 where each list's items start
 *      (lists + 1) · i32 the lists' item numbers · u8 flags · the three tables' UTF-8
 *
 * Lists are item numbers into the item table (ListDictionary), so an address is stored and
 * decoded once, however many lists carry it.
 */
import { crc32 } from 'node:zlib';
import { ListDictionary } from '../list-column.ts';
import { TextDictionary } from '../text-dictionary.ts';

const MAGIC = Buffer.from('BRIEFCOL', 'latin1');
/** The layout's version: a file of another version is never read, only replaced. */
export const FORMAT = 3;
const HEADER_BYTES = 56;

/** What a snapshot holds: the loaded columns without the message objects and readers built on them. */
export interface ColumnData {
  count: number;
  rowId: Float64Array;
  time: Float64Array;
  size: Float64Array;
  accountId: Int32Array;
  sender: Int32Array;
  threadKey: Int32Array;
  to: Int32Array;
  cc: Int32Array;
  bcc: Int32Array;
  labels: Int32Array;
  flags: Uint8Array;
  texts: TextDictionary;
  threadKeys: TextDictionary;
  lists: ListDictionary;
}

/** The numeric columns but the flags, in the file's order (the first three are f64). */
export const NUMBER_COLUMNS = [
  'rowId',
  'time',
  'size',
  'accountId',
  'sender',
  'threadKey',
  'to',
  'cc',
  'bcc',
  'labels',
] as const;
const FLOAT_COLUMNS = 3;

const aligned = (offset: number) => (offset + 7) & ~7;

/** The snapshot's bytes as a list of chunks (written in order, with zero padding where needed). */
export function encodeColumns(data: ColumnData, stamp: string): Buffer {
  const tables = [data.texts.texts, data.threadKeys.texts, data.lists.items.texts];
  const { itemStart, itemOf } = data.lists;
  const blobs = tables.map((texts) => Buffer.from(texts.join(''), 'utf8'));
  const stampBytes = Buffer.from(stamp, 'utf8');
  const n = data.count;
  let size = aligned(HEADER_BYTES + stampBytes.length);
  const sections: Array<{ at: number; bytes: Uint8Array }> = [];
  const place = (bytes: Uint8Array) => {
    sections.push({ at: size, bytes });
    size = aligned(size + bytes.byteLength);
  };
  const bytesOf = (column: ArrayBufferView, length: number, width: number) =>
    new Uint8Array(column.buffer, column.byteOffset, length * width);
  for (const [k, name] of NUMBER_COLUMNS.entries()) place(bytesOf(data[name], n, k < FLOAT_COLUMNS ? 8 : 4));
  for (const texts of tables) {
    const lengths = Uint32Array.from(texts, (text) => text.length);
    place(bytesOf(lengths, lengths.length, 4));
  }
  place(bytesOf(itemStart, itemStart.length, 4));
  place(bytesOf(itemOf, itemOf.length, 4));
  place(data.flags.subarray(0, n));
  for (const blob of blobs) place(blob);
  const file = Buffer.alloc(size);
  MAGIC.copy(file, 0);
  file.writeUInt32LE(FORMAT, 8);
  file.writeUInt32LE(n, 16);
  tables.forEach((texts, k) => {
    file.writeUInt32LE(texts.length, 20 + 4 * k);
    file.writeUInt32LE(blobs[k]!.length, 32 + 4 * k);
  });
  file.writeUInt32LE(itemStart.length - 1, 44);
  file.writeUInt32LE(itemOf.length, 48);
  file.writeUInt32LE(stampBytes.length, 52);
  stampBytes.copy(file, HEADER_BYTES);
  for (const { at, bytes } of sections) file.set(bytes, at);
  file.writeUInt32LE(crc32(file.subarray(16)), 12);
  return file;
}

/** Why a file is not a usable snapshot, for the log; null when it is. */
export type Rejection = string;

/** The texts of one table: its UTF-8 decoded once, cut by the stored lengths when read (TextDictionary.packed). */
function textsOf(file: Buffer, at: number, bytes: number, lengths: Uint32Array): TextDictionary | null {
  return TextDictionary.packed(file.toString('utf8', at, at + bytes), lengths);
}

/** Whether every list's items lie in order inside `itemOf` and name items of the table. */
function listsFit(itemStart: Int32Array, itemOf: Int32Array, items: number): boolean {
  if (itemStart[0] !== 0 || itemStart[1] !== 0 || itemStart[itemStart.length - 1] !== itemOf.length)
    return false;
  for (let l = 1; l < itemStart.length; l++) if (itemStart[l]! < itemStart[l - 1]!) return false;
  for (let k = 0; k < itemOf.length; k++) if (itemOf[k]! < 0 || itemOf[k]! >= items) return false;
  return true;
}

/**
 * The columns of a snapshot file and its stamp (load-stamp.ts decides whether they can be brought
 * up to date), or why it cannot be trusted: another layout, a wrong length or checksum (a torn or
 * damaged file). The numbers are views on `file` (copied once when the file's bytes are not 8-aligned).
 */
export function decodeColumns(bytes: Buffer): { data: ColumnData; stamp: string } | Rejection {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, 8).equals(MAGIC)) return 'not a column snapshot';
  if (bytes.readUInt32LE(8) !== FORMAT) return `layout ${bytes.readUInt32LE(8)}, not ${FORMAT}`;
  const stampBytes = bytes.readUInt32LE(52);
  if (HEADER_BYTES + stampBytes > bytes.length) return 'cut short';
  const stamp = bytes.toString('utf8', HEADER_BYTES, HEADER_BYTES + stampBytes);
  const n = bytes.readUInt32LE(16);
  const counts = [0, 1, 2].map((k) => bytes.readUInt32LE(20 + 4 * k));
  const blobBytes = [0, 1, 2].map((k) => bytes.readUInt32LE(32 + 4 * k));
  let size = aligned(HEADER_BYTES + stampBytes);
  const starts: number[] = [];
  const place = (length: number) => {
    starts.push(size);
    size = aligned(size + length);
  };
  for (let k = 0; k < NUMBER_COLUMNS.length; k++) place(n * (k < FLOAT_COLUMNS ? 8 : 4));
  for (const count of counts) place(count * 4);
  const lists = bytes.readUInt32LE(44);
  const listItems = bytes.readUInt32LE(48);
  place((lists + 1) * 4);
  place(listItems * 4);
  place(n);
  for (const length of blobBytes) place(length);
  if (size !== bytes.length) return `length ${bytes.length}, expected ${size}`;
  if (crc32(bytes.subarray(16)) !== bytes.readUInt32LE(12)) return 'checksum mismatch (damaged)';
  const file = bytes.byteOffset % 8 === 0 ? bytes : Buffer.from(bytes);
  const view = <T>(
    Type: new (buffer: ArrayBufferLike, offset: number, length: number) => T,
    at: number,
    length: number,
  ) => new Type(file.buffer, file.byteOffset + at, length);
  const numbers = NUMBER_COLUMNS.map((_, k) =>
    k < FLOAT_COLUMNS ? view(Float64Array, starts[k]!, n) : view(Int32Array, starts[k]!, n),
  );
  const lengthAt = NUMBER_COLUMNS.length;
  const tables = counts.map((count, k) =>
    textsOf(file, starts[lengthAt + 6 + k]!, blobBytes[k]!, view(Uint32Array, starts[lengthAt + k]!, count)),
  );
  if (tables.some((texts) => texts === null)) return 'text tables do not match their lengths';
  const [senders, threadKeys, items] = tables as [TextDictionary, TextDictionary, TextDictionary];
  const itemStart = view(Int32Array, starts[lengthAt + 3]!, lists + 1);
  const itemOf = view(Int32Array, starts[lengthAt + 4]!, listItems);
  if (!listsFit(itemStart, itemOf, items.size)) return 'lists do not match their items';
  const data: ColumnData = {
    count: n,
    rowId: numbers[0] as Float64Array,
    time: numbers[1] as Float64Array,
    size: numbers[2] as Float64Array,
    accountId: numbers[3] as Int32Array,
    sender: numbers[4] as Int32Array,
    threadKey: numbers[5] as Int32Array,
    to: numbers[6] as Int32Array,
    cc: numbers[7] as Int32Array,
    bcc: numbers[8] as Int32Array,
    labels: numbers[9] as Int32Array,
    flags: view(Uint8Array, starts[lengthAt + 5]!, n),
    texts: senders,
    threadKeys,
    lists: ListDictionary.restored(items.texts, itemStart, itemOf),
  };
  return { data, stamp };
}
