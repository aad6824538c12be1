/**
 * Splits an mbox byte stream into messages with flat memory: bytes are pushed chunk by chunk and
 * only the unfinished message is kept. A separator is a `From ` line at the start of the data or
 * after an empty line. When a message's header carries Content-Length and skipping exactly that
 * many body bytes lands on a separator or on the end, that length is trusted, so unescaped
 * `From ` lines inside such a body do not split it. `>From ` lines are unescaped (mboxrd: one `>`
 * is removed from `>+From `, which also undoes mboxo's `>From `).
 */
export interface MboxMessage {
  raw: Buffer;
  /** Byte offset in the file of the message's separator line (or of its first byte when it has none). */
  offset: number;
}

const LF = 0x0a;
const CR = 0x0d;
const FROM_LINE = Buffer.from('\nFrom ', 'latin1');
const ESCAPED_FROM = Buffer.from('>From ', 'latin1');
/** A Content-Length beyond this is not worth buffering for; the message is split by separators instead. */
const MAX_TRUSTED_LENGTH = 64 * 1024 * 1024;

export class MboxSplitter {
  private buf: Buffer = Buffer.alloc(0);
  /** File offset of buf[0]. */
  private base = 0;
  /** Index in buf where the current message's content starts; -1 before the first line is seen. */
  private start = -1;
  /** File offset of the current message's separator line. */
  private messageOffset = 0;
  /** Where to resume looking for a separator. */
  private scanFrom = 0;
  /** The current message's Content-Length end (index in buf): undefined = not looked at yet, null = none. */
  private lengthEnd: number | null | undefined;

  push(chunk: Buffer): MboxMessage[] {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    return this.drain(false);
  }

  end(): MboxMessage[] {
    return this.drain(true);
  }

  private drain(atEnd: boolean): MboxMessage[] {
    const out: MboxMessage[] = [];
    if (this.start === -1 && !this.openFirst(atEnd)) return out;
    for (;;) {
      const next = this.findBoundary(atEnd);
      if (next === null) break;
      if (next.end === -1) {
        this.emit(this.endWithoutSeparatorBlank(), out);
        this.buf = Buffer.alloc(0);
        break;
      }
      const lineEnd = this.buf.indexOf(LF, next.separator);
      if (lineEnd === -1 && !atEnd) break;
      this.emit(next.end, out);
      this.messageOffset = this.base + next.separator;
      this.start = lineEnd === -1 ? this.buf.length : lineEnd + 1;
      this.scanFrom = this.start;
      this.lengthEnd = undefined;
    }
    this.compact();
    return out;
  }

  /** Decides where the first message starts: after a leading separator line, or at byte 0. */
  private openFirst(atEnd: boolean): boolean {
    if (this.buf.length < 5 && !atEnd) return false;
    if (this.buf.toString('latin1', 0, 5) === 'From ') {
      const eol = this.buf.indexOf(LF);
      if (eol === -1 && !atEnd) return false;
      this.start = eol === -1 ? this.buf.length : eol + 1;
    } else this.start = 0;
    this.messageOffset = 0;
    this.scanFrom = this.start;
    return true;
  }

  /**
   * The end of the current message and the index of the next separator line; end -1 means the
   * message runs to the end of the data; null means more data is needed.
   */
  private findBoundary(atEnd: boolean): { end: number; separator: number } | null {
    if (this.lengthEnd === undefined) {
      const resolved = this.resolveContentLength(atEnd);
      if (resolved === undefined) return atEnd ? { end: -1, separator: -1 } : null;
      this.lengthEnd = resolved;
    }
    if (this.lengthEnd !== null) {
      const at = this.lengthEnd;
      if (at >= this.buf.length) return atEnd ? { end: -1, separator: -1 } : null;
      // Enough bytes to see an optional empty line and `From ` after the counted body.
      if (this.buf.length < at + 7 && !atEnd) return null;
      if (this.isFromAt(at)) return { end: at, separator: at };
      // The empty line that precedes a separator may follow the counted body.
      const afterBlank =
        this.buf[at] === LF ? at + 1 : this.buf[at] === CR && this.buf[at + 1] === LF ? at + 2 : -1;
      if (afterBlank !== -1 && this.isFromAt(afterBlank)) return { end: at, separator: afterBlank };
      this.lengthEnd = null;
    }
    for (
      let i = this.buf.indexOf(FROM_LINE, this.scanFrom);
      i !== -1;
      i = this.buf.indexOf(FROM_LINE, i + 1)
    ) {
      const blankBefore = this.buf[i - 1] === LF || (this.buf[i - 1] === CR && this.buf[i - 2] === LF);
      if (blankBefore && i > this.start) return { end: i, separator: i + 1 };
    }
    if (atEnd) return { end: -1, separator: -1 };
    this.scanFrom = Math.max(this.start, this.buf.length - FROM_LINE.length - 1);
    return null;
  }

  /**
   * The end of the last message: the data's end, less the final line break when it closes an
   * empty line. Before a separator that empty line belongs to the separator (the message ends
   * before its line break); at the end of the file it is dropped the same way, so a message has
   * the same bytes (and size) whether or not another follows it, as Python's mailbox reads it.
   */
  private endWithoutSeparatorBlank(): number {
    const end = this.buf.length;
    if (end - 1 <= this.start || this.buf[end - 1] !== LF) return end;
    const blank = this.buf[end - 2] === LF || (this.buf[end - 2] === CR && this.buf[end - 3] === LF);
    return blank ? end - 1 : end;
  }

  private isFromAt(index: number): boolean {
    return this.buf.length >= index + 5 && this.buf.toString('latin1', index, index + 5) === 'From ';
  }

  /**
   * The buf index where a trusted Content-Length would end the body, null when the header has
   * none (or an unusable one), undefined when the header block is not complete yet.
   */
  private resolveContentLength(atEnd: boolean): number | null | undefined {
    let headerEnd = -1;
    for (let i = this.buf.indexOf(LF, this.start); i !== -1; i = this.buf.indexOf(LF, i + 1)) {
      if (this.buf[i + 1] === LF) {
        headerEnd = i + 2;
        break;
      }
      if (this.buf[i + 1] === CR && this.buf[i + 2] === LF) {
        headerEnd = i + 3;
        break;
      }
    }
    if (headerEnd === -1) return atEnd ? null : undefined;
    const header = this.buf.toString('latin1', this.start, headerEnd);
    const match = /^content-length:[ \t]*(\d+)[ \t]*\r?$/im.exec(header);
    if (!match) return null;
    const length = Number(match[1]);
    return length <= MAX_TRUSTED_LENGTH ? headerEnd + length : null;
  }

  private emit(end: number, out: MboxMessage[]): void {
    let raw = this.buf.subarray(this.start, end);
    if (raw.includes(ESCAPED_FROM)) raw = unescapeFromLines(raw);
    if (raw.length > 0) out.push({ raw, offset: this.messageOffset });
  }

  /** Drops consumed bytes so memory stays at about one message plus one chunk. */
  private compact(): void {
    if (this.start > 0 && this.start <= this.buf.length) {
      const drop = this.start;
      this.buf = this.buf.subarray(drop);
      this.base += drop;
      this.start = 0;
      this.scanFrom = Math.max(0, this.scanFrom - drop);
      if (typeof this.lengthEnd === 'number') this.lengthEnd -= drop;
    }
  }
}

/** Removes one `>` from every line that matches `>+From `. */
export function unescapeFromLines(raw: Buffer): Buffer {
  const text = raw.toString('latin1').replace(/^>(>*From )/gm, '$1');
  return Buffer.from(text, 'latin1');
}
