import { describe, expect, it } from 'vitest';
import {
  AccountLabels,
  IN_INBOX,
  IS_UNREAD,
  labelBitsOf,
} from '../../electron/engine/analytics/label-bits.ts';
import { ListDictionary } from '../../electron/engine/analytics/list-column.ts';

describe('label bits', () => {
  it('say INBOX and UNREAD per list', () => {
    const lists = new ListDictionary();
    for (const list of [['INBOX'], ['UNREAD', 'X'], ['SENT', 'UNREAD', 'INBOX'], ['X', 'INBOX_OLD']])
      lists.of(list);
    expect([...labelBitsOf(lists)]).toEqual([0, IN_INBOX, IS_UNREAD, IN_INBOX | IS_UNREAD, 0]);
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
