export interface GeneratorOptions {
  seed: number;
  /** Exactly this many messages are produced. */
  messages: number;
  /** The account address first, then aliases the user sometimes sends from. Default ['me@example.com']. */
  identities?: string[];
  /** The user's display name on their own mail. Default: a name drawn from the seed. */
  userName?: string;
  /** The newest message's time, ms since the epoch. Default 2026-11-01T12:00:00Z. */
  end?: number;
  /** How many years the mailbox spans. Default 3. */
  years?: number;
  /** The user's IANA time zone, which shapes the working-hours rhythm. Default Europe/London. */
  timeZone?: string;
}

export interface Header {
  name: string;
  value: string;
}

export interface GeneratedMessage {
  /** 16 lower-case hex digits, unique in the mailbox, increasing with time (as Gmail's are). */
  id: string;
  /** The id of the thread's first message. */
  threadId: string;
  labelIds: string[];
  internalDate: number;
  /** Byte length of the message as {@link toRfc822} writes it, less the Takeout-only X-GM-THRID and X-Gmail-Labels lines. */
  sizeEstimate: number;
  /** In the order they appear in the message; values unfolded. */
  headers: Header[];
  /** 7-bit text, LF line ends. */
  body: string;
}
