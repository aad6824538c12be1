/**
 * Counts in sentences: "1 item", "2 items", "1,024 messages". One helper for the command line and
 * the engine's progress steps, so no sentence says "1 items".
 */

/** A whole number as people write it in English: 1,234,567. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** The count and the noun that agrees with it; `plural` for nouns that do not just take an "s". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
