/**
 * Splits an mbox byte stream into messages in time linear in the input and bounded memory: bytes
 * are pushed chunk by chunk into one window that holds only the unfinished message, and of a
 * message longer than `maxMessageBytes` only the first bytes are kept (the mail model reads the
 * header; the rest is scanned for the next separator and dropped).
 *
 * A separator is a `From ` line at the start of the data or after an empty line. When a
 * message's header carries Content-Length and skipping exactly that many body bytes lands on a
 * separator or on the end, that length is trusted, so unescaped `From ` lines inside such a body
 * do not split it. `>From ` lines are unescaped (mboxrd: one `>` is removed from `>+From `,
 * which also undoes mboxo's `>From `).
 */
import { contentLength } from './content-length.ts';

export interface MboxMessage {
  /** The message's bytes, unescaped; only the first `maxMessageBytes` of a longer message. */
  raw: Buffer;
  /** Byte offset in the file of the message's separator line (or of its first byte when it has none). */
  offset: number;
  /** The message's full length in the file. */
  size: number;
  /** Whether `raw` holds only the first bytes of it (it was longer than `maxMessageBytes`). */
  truncated: boolean;
}

/** How much of one message is kept: headers are what is read, and no real header is near this. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const FROM_LINE = Buffer.from('\nFrom ', 'latin1');
const ESCAPED_FROM = Buffer.from('>From ', 'latin1');

export class MboxSplitter {
  readonly #cap: number;
  /** The window: `#data[0, #len)`, starting at file offset `#base`; the rest is spare capacity. */
  #data: Buffer = Buffer.alloc(0);
  #len = 0;
  #base = 0;
  #started = false;
  /** While a separator line is being read: where to look for its end; -1 otherwise. */
  #lineFrom = -1;
  /** Where the current message (or, past the cap, the part of it still needed) starts. */
  #start = 0;
  #messageOffset = 0;
  /** Where to resume looking for a separator, and for the end of the header block. */
  #scanFrom = 0;
  #headerScan = 0;
  /** Content-Length's end of the message: undefined = header not complete yet, null = none. */
  #lengthEnd: number | null | undefined;
  /** A message past the cap: its first bytes, and how many bytes before `#start` it had. */
  #overflow: { head: Buffer; before: number } | null = null;

  constructor(options: { maxMessageBytes?: number } = {}) {
    this.#cap = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  }

  /** Bytes held between pushes: at most about the cap, plus one chunk. */
  get heldBytes(): number {
    // The head is a view of the window it was cut from: count that whole buffer.
    return this.#data.length + (this.#overflow?.head.buffer.byteLength ?? 0);
  }

  push(chunk: Buffer): MboxMessage[] {
    this.#append(chunk);
    return this.#drain(false);
  }

  end(): MboxMessage[] {
    return this.#drain(true);
  }

  #view(): Buffer {
    return this.#data.subarray(0, this.#len);
  }

  /**
   * Appends into spare capacity, growing it by doubling (each byte is copied a bounded number of
   * times) but not far past the cap: a window holds at most one message up to the cap and a chunk.
   */
  #append(chunk: Buffer): void {
    const needed = this.#len + chunk.length;
    if (needed > this.#data.length) {
      const doubled = Math.min(this.#data.length * 2, this.#cap + Math.ceil(this.#cap / 8));
      const grown = Buffer.allocUnsafe(Math.max(needed, doubled));
      this.#data.copy(grown, 0, 0, this.#len);
      this.#data = grown;
    }
    chunk.copy(this.#data, this.#len);
    this.#len += chunk.length;
  }

  #drain(atEnd: boolean): MboxMessage[] {
    const out: MboxMessage[] = [];
    if (this.#started || this.#openFirst(atEnd)) {
      for (;;) {
        if (this.#lineFrom >= 0 && !this.#closeSeparatorLine(atEnd)) break;
        const next = this.#findBoundary(atEnd);
        if (next === null) break;
        if (next.end === -1) {
          this.#emit(this.#endWithoutSeparatorBlank(), out);
          this.#startMessage(this.#len);
          break;
        }
        this.#emit(next.end, out);
        this.#messageOffset = this.#base + next.separator;
        this.#lineFrom = next.separator;
      }
    }
    this.#compact();
    return out;
  }

  /** A leading `From ` line is a separator; otherwise the first message starts at byte 0. */
  #openFirst(atEnd: boolean): boolean {
    if (this.#len < 5 && !atEnd) return false;
    this.#started = true;
    this.#messageOffset = 0;
    if (this.#view().toString('latin1', 0, 5) === 'From ') this.#lineFrom = 0;
    else this.#startMessage(0);
    return true;
  }

  /** Finds the end of the separator line being read; the message starts after it. */
  #closeSeparatorLine(atEnd: boolean): boolean {
    const eol = this.#view().indexOf(LF, this.#lineFrom);
    if (eol === -1 && !atEnd) {
      this.#lineFrom = this.#len;
      return false;
    }
    this.#startMessage(eol === -1 ? this.#len : eol + 1);
    return true;
  }

  /**
   * The end of the last message: the data's end, less the final line break when it closes an
   * empty line. Before a separator that empty line belongs to the separator (the message ends
   * before its line break); at the end of the file it is dropped the same way, so a message has
   * the same bytes (and size) whether or not another follows it, as Python's mailbox reads it.
   */
  #endWithoutSeparatorBlank(): number {
    const buf = this.#view();
    const end = buf.length;
    if (end - 1 <= this.#start || buf[end - 1] !== LF) return end;
    const blank = buf[end - 2] === LF || (buf[end - 2] === CR && buf[end - 3] === LF);
    return blank ? end - 1 : end;
  }

  #startMessage(at: number): void {
    this.#lineFrom = -1;
    this.#start = at;
    this.#scanFrom = at;
    this.#headerScan = at;
    this.#lengthEnd = undefined;
    this.#overflow = null;
  }

  /**
   * The end of the current message and the index of the next separator line; end -1 means the
   * message runs to the end of the data; null means more data is needed.
   */
  #findBoundary(atEnd: boolean): { end: number; separator: number } | null {
    const buf = this.#view();
    if (this.#lengthEnd === undefined) {
      const headerEnd = this.#findHeaderEnd(buf, atEnd);
      if (headerEnd === -1 && !atEnd) return null;
      // Past the cap the counted body is not held, so Content-Length is not worth checking.
      this.#lengthEnd = headerEnd === -1 || this.#overflow ? null : this.#contentLengthEnd(buf, headerEnd);
    }
    if (this.#lengthEnd !== null) {
      const at = this.#lengthEnd;
      if (at >= buf.length) return atEnd ? { end: -1, separator: -1 } : null;
      // Enough bytes to see an optional empty line and `From ` after the counted body.
      if (buf.length < at + 7 && !atEnd) return null;
      if (isFromAt(buf, at)) return { end: at, separator: at };
      // The empty line that precedes a separator may follow the counted body.
      const afterBlank = buf[at] === LF ? at + 1 : buf[at] === CR && buf[at + 1] === LF ? at + 2 : -1;
      if (afterBlank !== -1 && isFromAt(buf, afterBlank)) return { end: at, separator: afterBlank };
      this.#lengthEnd = null;
    }
    for (let i = buf.indexOf(FROM_LINE, this.#scanFrom); i !== -1; i = buf.indexOf(FROM_LINE, i + 1)) {
      const blankBefore = buf[i - 1] === LF || (buf[i - 1] === CR && buf[i - 2] === LF);
      if (blankBefore && i > this.#start) return { end: i, separator: i + 1 };
    }
    if (atEnd) return { end: -1, separator: -1 };
    this.#scanFrom = Math.max(this.#start, buf.length - FROM_LINE.length - 1);
    return null;
  }

  /**
   * Where the header block ends (after its empty line), or -1 when not seen yet. Resumes where
   * the last call stopped, so a long header is scanned once, not once per chunk.
   */
  #findHeaderEnd(buf: Buffer, atEnd: boolean): number {
    for (let i = buf.indexOf(LF, this.#headerScan); i !== -1; i = buf.indexOf(LF, i + 1)) {
      const next = buf[i + 1];
      if (next === LF) return i + 2;
      if (next === CR && buf[i + 2] === LF) return i + 3;
      const undecided = next === undefined || (next === CR && buf[i + 2] === undefined);
      if (undecided && !atEnd) {
        this.#headerScan = i;
        return -1;
      }
    }
    this.#headerScan = buf.length;
    return -1;
  }

  /** The index a trusted Content-Length would end the body at; null without one, or past the cap. */
  #contentLengthEnd(buf: Buffer, headerEnd: number): number | null {
    const length = contentLength(buf, this.#start, headerEnd);
    if (length === null) return null;
    const end = headerEnd + length;
    return end - this.#start <= this.#cap ? end : null;
  }

  #emit(end: number, out: MboxMessage[]): void {
    const size = (this.#overflow?.before ?? 0) + (end - this.#start);
    if (size === 0) return;
    // A copy: the window's bytes are reused for what follows.
    let raw =
      this.#overflow?.head ??
      Buffer.from(this.#data.subarray(this.#start, Math.min(end, this.#start + this.#cap)));
    if (raw.includes(ESCAPED_FROM)) raw = unescapeFromLines(raw);
    out.push({ raw, offset: this.#messageOffset, size, truncated: size > this.#cap });
  }

  /**
   * Drops what is no longer needed: everything before the current message, and of a message past
   * the cap everything but its first bytes (kept aside) and the few bytes the scans still read.
   */
  #compact(): void {
    let drop = this.#lineFrom >= 0 ? this.#lineFrom : this.#started ? this.#start : 0;
    let handOver = false;
    const pending = typeof this.#lengthEnd === 'number';
    if (this.#lineFrom < 0 && this.#started && !pending) {
      if (this.#overflow === null && this.#len - this.#start > this.#cap) {
        // The window's first bytes become the head as they are (no copy); the rest moves out.
        this.#overflow = { head: this.#data.subarray(this.#start, this.#start + this.#cap), before: 0 };
        handOver = true;
      }
      if (this.#overflow !== null) {
        // Until the header ends no separator can follow (one needs an empty line before it).
        const keep = this.#lengthEnd === undefined ? this.#headerScan : this.#scanFrom - 2;
        if (keep > this.#start) {
          this.#overflow.before += keep - this.#start;
          this.#start = keep;
          this.#scanFrom = Math.max(this.#scanFrom, keep);
          this.#headerScan = Math.max(this.#headerScan, keep);
        }
        drop = this.#start;
      }
    }
    if (drop <= 0 && !handOver) return;
    if (handOver) {
      const fresh = Buffer.allocUnsafe(Math.max(this.#len - drop, 64 * 1024));
      this.#data.copy(fresh, 0, drop, this.#len);
      this.#data = fresh;
    } else this.#data.copy(this.#data, 0, drop, this.#len);
    this.#len -= drop;
    this.#base += drop;
    this.#start -= drop;
    this.#scanFrom -= drop;
    this.#headerScan -= drop;
    if (this.#lineFrom >= 0) this.#lineFrom -= drop;
    if (typeof this.#lengthEnd === 'number') this.#lengthEnd -= drop;
    // A window grown for one long message is given back once it is mostly empty.
    if (this.#data.length > 4 * Math.max(this.#len, 1 << 20)) {
      this.#data = Buffer.from(this.#data.subarray(0, Math.max(this.#len * 2, 1 << 20)));
    }
  }
}

function isFromAt(buf: Buffer, index: number): boolean {
  return buf.length >= index + 5 && buf.toString('latin1', index, index + 5) === 'From ';
}

/** Removes one `>` from every line that matches `>+From `. */
export function unescapeFromLines(raw: Buffer): Buffer {
  const text = raw.toString('latin1').replace(/^>(>*From )/gm, '$1');
  return Buffer.from(text, 'latin1');
}
