/**
 * What one stored message may hold. Ids and addresses follow RFC 5322's 998-character line; the
 * rest bounds what one row may cost. Anyone can send a message past them: `fitFactsToLimits`
 * cuts such a message to fit (or skips it when cutting would change which message it is).
 * A module of its own, without the schema's zod: the import's reader worker fits every message
 * and would otherwise load zod (≈ 18 MB of its memory) for these numbers.
 */
export const FACT_LIMITS = {
  /** providerId, providerThreadId, a label. */
  id: 256,
  /** An address, a display name, a Message-ID. */
  line: 998,
  /** Addresses of one header, ids of In-Reply-To or References. */
  list: 10_000,
  labels: 1000,
  subject: 16_384,
  unsubscribe: 4096,
  contentKey: 20_000,
} as const;
