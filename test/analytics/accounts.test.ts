import { describe, expect, it } from 'vitest';
import { computeReport, type ReportAccount } from '../../electron/engine/analytics/index.ts';
import { ME, received, reportInput, sent } from './builders.ts';

const OTHER: ReportAccount = {
  id: 2,
  address: 'me@work.example',
  identities: ['me@work.example'],
  provider: 'import',
};
const asOf = '2025-06-01T00:00:00Z';

function accountA() {
  return [
    received('2025-05-01T09:00:00Z', 'ann@a.example', { threadKey: 'shared-key' }),
    sent('2025-05-01T10:00:00Z', ['ann@a.example'], { threadKey: 'shared-key' }),
  ];
}

function accountB(extra = 0) {
  return [
    // Same thread key string as account A: threads never merge across accounts.
    sent('2025-05-01T09:30:00Z', ['bob@b.example'], {
      threadKey: 'shared-key',
      accountId: 2,
      from: 'me@work.example',
      sender: 'me@work.example',
    }),
    received('2025-05-02T09:30:00Z', 'me@example.com', {
      threadKey: 'b2',
      accountId: 2,
      to: ['me@work.example'],
    }),
    ...Array.from({ length: extra }, (_, i) =>
      received(`2025-05-1${i}T09:00:00Z`, 'zed@z.example', { threadKey: `z${i}`, accountId: 2 }),
    ),
  ];
}

describe('"all" = the union of accounts', () => {
  it("adds the accounts' messages without de-duplication, with the union of identities", () => {
    const a = accountA();
    const b = accountB();
    const all = computeReport(reportInput([...a, ...b], asOf, 'all', { accounts: [ME, OTHER] }));
    expect(all.account).toBe('all');
    expect(all.coverage).toMatchObject({ messages: 4, sent: 2, received: 2 });
    // The message from me@example.com into account B is an echo under the union of identities.
    expect(all.topSenders.map((s) => s.address)).toEqual(['ann@a.example']);
    expect(all.volume.uniqueCorrespondents).toBe(2);
    // A's pair survives; B's sent message at 09:30 did not join A's thread.
    expect(all.responseTime.mine).toMatchObject({ count: 1, medianMs: 3_600_000 });
    expect(all.threads.count).toBe(3);
  });

  it('adds another account\'s messages to "all" only', () => {
    const a = accountA();
    const withSmallB = computeReport(
      reportInput([...a, ...accountB()], asOf, 'all', { accounts: [ME, OTHER] }),
    );
    const withBigB = computeReport(
      reportInput([...a, ...accountB(5)], asOf, 'all', { accounts: [ME, OTHER] }),
    );
    expect(withBigB.coverage.messages - withSmallB.coverage.messages).toBe(5);
    expect(withBigB.topSenders.map((s) => [s.address, s.count])).toEqual([
      ['zed@z.example', 5],
      ['ann@a.example', 1],
    ]);
  });
});
