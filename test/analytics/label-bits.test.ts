import { describe, expect, it } from 'vitest';
import {
  AccountLabels,
  IN_INBOX,
  IS_UNREAD,
  labelBitsOf,
} from '../../electron/engine/analytics/label-bits.ts';

describe('label bits', () => {
  it('say INBOX and UNREAD per list', () => {
    expect([...labelBitsOf([[], ['INBOX'], ['UNREAD', 'X'], ['SENT', 'UNREAD', 'INBOX']])]).toEqual([
      0,
      IN_INBOX,
      IS_UNREAD,
      IN_INBOX | IS_UNREAD,
    ]);
  });

  it('note the accounts with INBOX or UNREAD mail when messages of accounts interleave', () => {
    const accounts = new AccountLabels();
    for (const [account, bits] of [
      [1, 0],
      [2, IS_UNREAD],
      [1, IN_INBOX],
      [2, 0],
      [1, IN_INBOX],
      [3, 0],
      [2, IN_INBOX | IS_UNREAD],
    ] as const)
      accounts.note(account, bits);
    expect([...accounts.inbox].sort()).toEqual([1, 2]);
    expect([...accounts.unread]).toEqual([2]);
  });
});
