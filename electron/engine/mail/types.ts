/**
 * The facts the mail model reads from one message, whichever way it arrived (raw RFC 822 bytes
 * from an import, or a Gmail API message resource). These are the processed columns of
 * `message_cache`; everything that depends on the whole account (direction, echo, reconstructed
 * threads) is derived later, per account, and lives in {@link DerivedFacts}.
 *
 * Rules: docs/metrics.md, "The mail model".
 */
export interface MessageFacts {
  /** Gmail message id for synced mail; for imports a stable id derived from the message (see duplicates). */
  providerId: string;
  /** Gmail thread id for synced mail, X-GM-THRID for Takeout mail, otherwise null. */
  providerThreadId: string | null;
  /** Message-ID without angle brackets, as written (trimmed); null when absent. */
  messageId: string | null;
  /** Ids from In-Reply-To, without angle brackets, in order. */
  inReplyTo: string[];
  /** Ids from References, without angle brackets, in order. */
  references: string[];
  /**
   * Milliseconds since the epoch: internalDate for synced mail, the Date header for imports
   * (no zone = UTC). Null when absent or unparseable. Whether a time is *valid* (≥ 1990 and at
   * most one day after the as-of time) is decided by whoever knows the as-of time.
   */
  time: number | null;
  /** The From addr-spec, normalised (lower-case, googlemail → gmail); null when there is none. */
  from: string | null;
  /** The decoded display name beside From; null when none. */
  fromName: string | null;
  /** The sender after the DMARC "via" rule (From, or the single Reply-To when From = List-Post). */
  sender: string | null;
  /** The decoded display name beside the sender address (for a "via" rewrite: beside Reply-To). */
  senderName: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  /** Decoded Subject, as written (null when absent). */
  subject: string | null;
  /** The subject key: prefixes and tags removed, whitespace collapsed, case-folded. */
  subjectKey: string;
  /** Gmail label ids (system labels upper-case like INBOX, SENT, CATEGORY_PROMOTIONS; user labels as named). */
  labels: string[];
  /** The mailto: address in List-Post, normalised; null when the header is absent or has none. */
  listPost: string | null;
  /** True when a List-Post header is present (the message came through a discussion list). */
  hasListPost: boolean;
  /** The unsubscribe target from List-Unsubscribe: the first https: URL, else the mailto:; null when none. */
  unsubscribe: string | null;
  /** The "Automated" rule of the mail model. */
  automated: boolean;
  /** sizeEstimate for synced mail, the message's byte length for imports. */
  size: number;
  /**
   * The content key of the duplicate rule: From address, Date instant, decoded Subject and the
   * set of To and Cc addresses. Null when the message has no valid Date (it can then only be
   * matched by Message-ID).
   */
  contentKey: string | null;
}

/** Per-account derivations, recomputed after each stored batch and when identities or settings change. */
export interface DerivedFacts {
  /** Not DRAFT, and not SPAM or TRASH unless the account's settings count them. */
  counted: boolean;
  direction: 'sent' | 'received';
  /** Received mail whose sender is an identity. */
  echo: boolean;
  /** The thread a message belongs to: the provider's, or reconstructed (references, then subject). */
  threadKey: string;
}
