/** Bits of a prepared message's flags (see Dataset.flags). */
export const SENT = 1;
export const AUTOMATED = 2;
export const DATED = 4;
/** A display name, and an unsubscribe target (non-empty). */
export const NAMED = 8;
export const UNSUBSCRIBE = 16;
