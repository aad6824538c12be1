/**
 * Counts in sentences: "1 item", "2 items", "1,024 messages". One helper for the command line and
 * the engine's progress steps, so no sentence says "1 items".
 */

// Whole numbers are grouped here rather than by Intl.NumberFormat: the first Intl number format
// pages in ICU's data and code (≈ 6 MB of the node binary, resident from then on), which every
// `brief import` paid at its memory peak for its progress step. Anything else (fractions, -0,
// beyond 2^53) goes to Intl, made on first use: `toLocaleString` would make one on each call.
let fallbackFormat: Intl.NumberFormat | null = null;

/** A whole number as people write it in English: 1,234,567. */
export function formatCount(count: number): string {
  if (!Number.isSafeInteger(count) || Object.is(count, -0)) {
    fallbackFormat ??= new Intl.NumberFormat('en-US');
    return fallbackFormat.format(count);
  }
  const digits = String(Math.abs(count));
  let grouped = digits.slice(0, digits.length % 3 || 3);
  for (let at = grouped.length; at < digits.length; at += 3) grouped += `,${digits.slice(at, at + 3)}`;
  return count < 0 ? `-${grouped}` : grouped;
}

/** The count and the noun that agrees with it; `plural` for nouns that do not just take an "s". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
