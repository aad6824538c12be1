/**
 * Counts in sentences: "1 item", "2 items", "1,024 messages". One helper for the command line and
 * the engine's progress steps, so no sentence says "1 items".
 */

// One formatter for every count: `toLocaleString('en-US')` builds a new one on each call, which
// the import's progress step paid a few thousand times per import.
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** A whole number as people write it in English: 1,234,567. */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** The count and the noun that agrees with it; `plural` for nouns that do not just take an "s". */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
