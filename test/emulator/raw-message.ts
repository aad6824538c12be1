/** Reading an RFC 822 message's bytes: its header block and where its body starts. */

/** The header block in the message's own order and spelling, folded lines joined. */
export function headersOf(raw: Buffer): Array<{ name: string; value: string }> {
  const end = headerEnd(raw);
  const lines = raw.subarray(0, end).toString('utf8').split(/\r?\n/);
  if (lines[0]?.startsWith('From ')) lines.shift();
  const headers: Array<{ name: string; value: string }> = [];
  for (const line of lines) {
    if (line === '') break;
    if ((line.startsWith(' ') || line.startsWith('\t')) && headers.length > 0) {
      headers[headers.length - 1]!.value += line;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.push({ name: line.slice(0, colon).trimEnd(), value: line.slice(colon + 1).trim() });
  }
  return headers;
}

/** Where the header block ends (before its blank line), or the length when there is none. */
function headerEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf < 0) return lf < 0 ? raw.length : lf;
  return lf < 0 ? crlf : Math.min(crlf, lf);
}

/** The bytes after the header block's blank line (empty when there is no blank line). */
export function bodyOf(raw: Buffer): Buffer {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  if (crlf < 0 && lf < 0) return Buffer.alloc(0);
  const cut = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf + 2;
  return raw.subarray(cut);
}

/** base64url as Gmail sends it: the URL-safe alphabet, with `=` padding. */
export function base64UrlPadded(bytes: Buffer): string {
  const text = bytes.toString('base64url');
  return text + '='.repeat((4 - (text.length % 4)) % 4);
}
