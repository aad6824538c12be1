/**
 * The two labels whose presence the figures test per message (awaiting's INBOX, newsletters'
 * UNREAD), found once per label list instead of by a string search per message.
 */
export const IN_INBOX = 1;
export const IS_UNREAD = 2;

/** INBOX and UNREAD of each list number of `lists`. */
export function labelBitsOf(lists: ReadonlyArray<readonly string[]>): Uint8Array {
  const bits = new Uint8Array(lists.length);
  for (let id = 0; id < lists.length; id++) {
    const list = lists[id]!;
    bits[id] = (list.includes('INBOX') ? IN_INBOX : 0) | (list.includes('UNREAD') ? IS_UNREAD : 0);
  }
  return bits;
}

/**
 * The accounts with a message in INBOX, and with an UNREAD one (where those tests apply), noted
 * message by message. Messages come grouped by account, so the sets are asked only when the
 * account changes, not once per message.
 */
export class AccountLabels {
  readonly inbox = new Set<number>();
  readonly unread = new Set<number>();
  #account = Number.NaN;
  /** The bits already noted for #account. */
  #noted = 0;

  note(account: number, bits: number): void {
    if (account !== this.#account) {
      this.#account = account;
      this.#noted = (this.inbox.has(account) ? IN_INBOX : 0) | (this.unread.has(account) ? IS_UNREAD : 0);
    }
    const fresh = bits & ~this.#noted;
    if (fresh === 0) return;
    if ((fresh & IN_INBOX) !== 0) this.inbox.add(account);
    if ((fresh & IS_UNREAD) !== 0) this.unread.add(account);
    this.#noted |= fresh;
  }
}
