/**
 * The subject key (docs/metrics.md "The mail model", Subject): leading `Re:`, `Fwd:`, `Fw:`, `AW:`,
 * `WG:`, `SV:` (any case, any spacing before the colon) and bracketed tags (`[...]`, at most 40
 * characters inside, no colon) removed repeatedly from the start, whitespace collapsed,
 * case-folded.
 */
const LEADING_NOISE = /^\s*(?:(?:re|fwd|fw|aw|wg|sv)\s*:|\[[^\]:]{0,40}\])/i;

export function subjectKey(subject: string | null): string {
  if (subject === null) return '';
  let rest = subject;
  for (let match = LEADING_NOISE.exec(rest); match; match = LEADING_NOISE.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  return rest.replace(/\s+/g, ' ').trim().toLowerCase();
}
