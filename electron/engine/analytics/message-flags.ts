/**
 * The one layout of a message's flags, for every place that packs them into a number: the SQL
 * that reads them from the store (cache/analytics-reads.ts), the loaded columns
 * (message-columns.ts) and a report's prepared dataset (prepare.ts), which keeps the same bits and
 * adds DATED. One layout means a flag read in one place is the flag set in another, with no
 * translation between them.
 */
export const COUNTED = 1;
export const SENT = 2;
export const ECHO = 4;
export const AUTOMATED = 8;
/** A display name, and an unsubscribe target (non-empty texts). */
export const NAMED = 16;
export const UNSUBSCRIBE = 32;
/** Set only in a report's dataset: the time is valid at the report's as-of instant. */
export const DATED = 64;

/** The bits the derivation decides (counted, direction, echo); the rest come from the stored facts. */
export const DERIVED_BITS = COUNTED | SENT | ECHO;
/** The bits a report's dataset carries over from the columns (DATED it computes itself). */
export const REPORT_BITS = SENT | AUTOMATED | NAMED | UNSUBSCRIBE;
