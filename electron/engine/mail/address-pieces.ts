/**
 * A bounded reading of a very long address header. postal-mime's parser takes seconds per few
 * megabytes (15–20 s for a 64 MB To line), and a stored message keeps at most
 * ADDRESS_LIST_LIMIT addresses of one header (FACT_LIMITS.list in cache/message-facts-limits.ts)
 * and ADDRESS_LINE_LIMIT characters of each (FACT_LIMITS.line, the RFC 5322 line). So a long
 * header is split at its top-level commas (outside quotes, angle brackets and comments) by one
 * linear scan, a piece longer than a full display name and address keeps its head and its tail
 * (so an enormous address still parses as an address, which the limits then cut and report),
 * and the scan stops once one address more than a message can keep is found: the limits then
 * cut the list and say so, exactly as they would have for the whole header.
 */
export const ADDRESS_LIST_LIMIT = 10_000;
export const ADDRESS_LINE_LIMIT = 998;
/** Headers longer than this are read piece by piece; ordinary ones never come near it. */
export const LONG_ADDRESS_HEADER = 64 * 1024;
/** A piece keeps a display name and an address of the line limit each, with room for quotes and brackets. */
const PIECE_LIMIT = 2 * ADDRESS_LINE_LIMIT + 16;
const HALF_PIECE = PIECE_LIMIT / 2;

function piece(value: string, start: number, end: number): string {
  if (end - start <= PIECE_LIMIT) return value.slice(start, end);
  return value.slice(start, start + HALF_PIECE) + value.slice(end - HALF_PIECE, end);
}

/** The header's top-level comma-separated pieces, each at most PIECE_LIMIT long, in order. */
export function* addressPieces(value: string): Generator<string> {
  let start = 0;
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let at = 0; at < value.length; at++) {
    const code = value.charCodeAt(at);
    if (quoted) {
      // A backslash escapes the next character; a quote ends the quoted string.
      if (code === 92) at++;
      else if (code === 34) quoted = false;
      continue;
    }
    if (code === 34) quoted = true;
    else if (code === 40) comment++;
    else if (code === 41) comment = Math.max(0, comment - 1);
    else if (code === 60) angle++;
    else if (code === 62) angle = Math.max(0, angle - 1);
    else if (code === 44 && angle === 0 && comment === 0) {
      if (at > start) yield piece(value, start, at);
      start = at + 1;
    }
  }
  if (value.length > start) yield piece(value, start, value.length);
}
