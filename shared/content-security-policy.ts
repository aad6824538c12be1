/**
 * The dashboard's Content Security Policy, one list for every way the page is delivered: the
 * header the desktop window's session adds and `brief serve` sends, and the `<meta>` tag in
 * renderer/index.html, which is what protects the packaged window (its page is a file:// URL, and
 * a header added in onHeadersReceived does not apply to file:// responses).
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** Browsers ignore frame-ancestors in a `<meta>` tag (and warn about it), so the tag carries the rest. */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(
  (directive) => !directive.startsWith('frame-ancestors'),
).join('; ');
