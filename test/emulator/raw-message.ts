/** Reading an RFC 822 message's bytes as Gmail hands them out. */

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
