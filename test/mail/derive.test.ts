import { describe, expect, it } from 'vitest';
import {
  AccountDerivation,
  type DerivableMessage,
  deriveAccount,
  suggestAliases,
} from '../../electron/engine/mail/derive.ts';
import { makeMessage } from './message-builder.ts';

const ME = 'me@x.example';
const AS_OF = Date.UTC(2025, 6, 1);
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 4, 1);

function derive(
  messages: DerivableMessage[],
  options: { countSpamTrash?: boolean; identities?: string[] } = {},
) {
  return deriveAccount(messages, options.identities ?? [ME], {
    countSpamTrash: options.countSpamTrash ?? false,
    asOfMs: AS_OF,
  });
}

function threadGroups(messages: DerivableMessage[], identities = [ME]): number[][] {
  const derived = derive(messages, { identities });
  const groups = new Map<string, number[]>();
  for (const m of messages) {
    const key = derived.get(m.rowId)?.threadKey as string;
    groups.set(key, [...(groups.get(key) ?? []), m.rowId]);
  }
  return [...groups.values()];
}

describe('Which messages count', () => {
  it('`DRAFT`, `SPAM` and `TRASH` messages never count (spam and trash can be turned on in settings)', () => {
    const messages = [
      makeMessage({ rowId: 1, labels: ['DRAFT'] }),
      makeMessage({ rowId: 2, labels: ['SPAM'] }),
      makeMessage({ rowId: 3, labels: ['TRASH'] }),
      makeMessage({ rowId: 4, labels: ['INBOX'] }),
    ];
    expect([...derive(messages).values()].map((d) => d.counted)).toEqual([false, false, false, true]);
    expect([...derive(messages, { countSpamTrash: true }).values()].map((d) => d.counted)).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });
});

describe('Direction', () => {
  it('A message is *sent* when it carries `SENT`; where `SENT` exists, a message from the user that came back through a mailing list is received', () => {
    const messages = [
      makeMessage({ rowId: 1, labels: ['SENT'], from: ME, sender: ME }),
      makeMessage({ rowId: 2, labels: ['INBOX'], from: ME, sender: ME, hasListPost: true }),
      makeMessage({ rowId: 3, labels: ['INBOX'], from: 'a@x.example', sender: 'a@x.example' }),
    ];
    const d = derive(messages);
    expect([1, 2, 3].map((id) => [d.get(id)?.direction, d.get(id)?.echo])).toEqual([
      ['sent', false],
      ['received', true],
      ['received', false],
    ]);
  });

  it('Only when no message of the account carries `SENT` is it sent when its sender is an identity', () => {
    const messages = [
      makeMessage({ rowId: 1, labels: ['hikers'], from: 'list@g.example', sender: 'alias@x.example' }),
      makeMessage({ rowId: 2, labels: ['hikers'], from: 'Me@GoogleMail.com', sender: 'me@gmail.com' }),
      makeMessage({ rowId: 3, labels: ['hikers'], from: 'other@x.example', sender: 'other@x.example' }),
    ];
    const d = derive(messages, { identities: ['me@googlemail.com', 'alias@x.example'] });
    expect([1, 2, 3].map((id) => d.get(id)?.direction)).toEqual(['sent', 'sent', 'received']);
  });
});

describe('Threads', () => {
  it("Gmail's thread id for synced mail; `X-GM-THRID` for Takeout mail", () => {
    const d = derive([
      makeMessage({ rowId: 1, providerThreadId: 't9' }),
      makeMessage({ rowId: 2, providerThreadId: 't9' }),
    ]);
    expect(d.get(1)?.threadKey).toBe('t9');
    expect(d.get(2)?.threadKey).toBe('t9');
  });

  it('messages connected through Message-ID, In-Reply-To and References form one thread', () => {
    const messages = [
      makeMessage({ rowId: 1, messageId: 'a' }),
      makeMessage({ rowId: 2, messageId: 'b', inReplyTo: ['a'] }),
      makeMessage({ rowId: 3, messageId: 'c', references: ['a', 'b'] }),
      makeMessage({ rowId: 4, messageId: 'd' }),
    ];
    expect(threadGroups(messages)).toEqual([[1, 2, 3], [4]]);
    expect(derive(messages).get(3)?.threadKey).toBe('r:1');
  });

  it('a referenced id that is not in the mailbox still connects the messages that reference it', () => {
    const messages = [
      makeMessage({ rowId: 1, messageId: 'm1', references: ['missing'], sender: 'f@x.example' }),
      makeMessage({ rowId: 2, messageId: 'm2', references: ['missing'], sender: 'g@x.example' }),
    ];
    expect(threadGroups(messages)).toEqual([[1, 2]]);
  });

  it('one that is not linked, has a non-empty subject, and finds a thread with the same subject, at most 30 × 24 h older, sharing an address, joins it', () => {
    const messages = [
      makeMessage({ rowId: 1, subject: 'Logo draft', sender: 'ben@c.example', to: [ME], time: T0 }),
      makeMessage({
        rowId: 2,
        subject: 'RE: Logo draft',
        from: ME,
        sender: ME,
        to: ['ben@c.example'],
        time: T0 + DAY,
      }),
      makeMessage({
        rowId: 3,
        subject: 'Re : [Studio] Logo  draft',
        sender: 'ben@c.example',
        time: T0 + 31 * DAY,
      }),
      makeMessage({ rowId: 4, subject: 'Logo draft', sender: 'ben@c.example', time: T0 + 61 * DAY + 1000 }),
    ];
    expect(threadGroups(messages)).toEqual([[1, 2, 3], [4]]);
  });

  it('participants so far (senders, To, Cc; identities excluded) must share an address', () => {
    const messages = [
      makeMessage({ rowId: 1, subject: 'Lunch', from: ME, sender: ME, to: ['bob@x.example'], cc: [ME] }),
      makeMessage({ rowId: 2, subject: 'Lunch', from: ME, sender: ME, to: ['dan@x.example'] }),
      makeMessage({ rowId: 3, subject: 'Lunch', sender: 'eve@x.example', cc: ['dan@x.example'] }),
    ];
    expect(threadGroups(messages)).toEqual([[1], [2, 3]]);
  });

  it('joins the one among those threads with the latest last message', () => {
    const messages = [
      makeMessage({ rowId: 1, subject: 'Moodboard', sender: 'eva@x.example', time: T0 }),
      makeMessage({ rowId: 2, subject: 'Moodboard', sender: 'ben@x.example', time: T0 + DAY }),
      makeMessage({
        rowId: 3,
        subject: 'Moodboard',
        from: ME,
        sender: ME,
        to: ['eva@x.example', 'ben@x.example'],
        time: T0 + 2 * DAY,
      }),
    ];
    expect(threadGroups(messages)).toEqual([[1], [2, 3]]);
  });

  it('equal last times: joins the thread whose last message came later in the time-then-storage order', () => {
    // Threads {1} and {2} both last spoke at T0; 2 comes later in storage order, so 3 joins it.
    const tie = (firstRow: number, secondRow: number) => [
      makeMessage({ rowId: firstRow, subject: 'Budget', sender: 'eva@x.example', time: T0 }),
      makeMessage({ rowId: secondRow, subject: 'Budget', sender: 'ben@x.example', time: T0 }),
      makeMessage({
        rowId: 3,
        subject: 'Re: Budget',
        from: ME,
        sender: ME,
        to: ['eva@x.example', 'ben@x.example'],
        time: T0 + DAY,
      }),
    ];
    expect(threadGroups(tie(1, 2))).toEqual([[1], [2, 3]]);
    // Storage order is the rowId order, not the order the messages are given in (an import adds a
    // message late when a merged copy makes it count): the later row wins either way.
    expect(threadGroups(tie(2, 1))).toEqual([[2, 3], [1]]);
    expect(threadGroups([...tie(1, 2)].reverse())).toEqual([[3, 2], [1]]);
  });

  it('dated messages are taken in time order (ties in storage order)', () => {
    const messages = [
      makeMessage({
        rowId: 1,
        subject: 'Plan',
        sender: 'a@x.example',
        to: ['b@x.example'],
        time: T0 + 2 * DAY,
      }),
      makeMessage({ rowId: 2, subject: 'Plan', sender: 'b@x.example', time: T0 }),
    ];
    expect(derive(messages).get(1)?.threadKey).toBe('r:1');
    expect(threadGroups(messages)).toEqual([[1, 2]]);
  });

  it('a linked message does not join by subject; empty subjects never join; undated messages never join by subject', () => {
    const messages = [
      makeMessage({ rowId: 1, subject: 'Venue', sender: 'a@x.example', time: T0 }),
      makeMessage({
        rowId: 2,
        subject: 'Venue',
        sender: 'a@x.example',
        messageId: 'v2',
        references: ['v0'],
        time: T0 + 1,
      }),
      makeMessage({
        rowId: 3,
        subject: 'Venue',
        sender: 'a@x.example',
        messageId: 'v3',
        references: ['v0'],
        time: T0 + 2,
      }),
      makeMessage({ rowId: 4, subject: '', sender: 'h@x.example', time: T0 }),
      makeMessage({ rowId: 5, subject: '', sender: 'h@x.example', time: T0 + 1 }),
      makeMessage({ rowId: 6, subject: 'Venue', sender: 'a@x.example', time: null }),
      makeMessage({ rowId: 7, subject: 'Venue', sender: 'a@x.example', time: Date.UTC(1985, 0, 1) }),
    ];
    expect(threadGroups(messages)).toEqual([[1], [2, 3], [4], [5], [6], [7]]);
  });

  it('Only counted messages take part in threading', () => {
    const messages = [
      makeMessage({ rowId: 1, messageId: 'a' }),
      makeMessage({ rowId: 2, messageId: 'b', references: ['a'], labels: ['TRASH'] }),
      makeMessage({ rowId: 3, messageId: 'c', references: ['b'] }),
    ];
    expect(threadGroups(messages)).toEqual([[1], [2], [3]]);
  });

  it('Gmail-threaded, uncounted and reconstructed messages mixed: each keeps its own kind of key, whichever comes first', () => {
    const messages = [
      makeMessage({ rowId: 1, providerThreadId: 'g1' }),
      makeMessage({ rowId: 2, labels: ['DRAFT'] }),
      makeMessage({ rowId: 3, providerThreadId: 'g1' }),
      makeMessage({ rowId: 4, messageId: 'a' }),
      makeMessage({ rowId: 5, providerThreadId: 'g2' }),
      makeMessage({ rowId: 6, messageId: 'b', references: ['a'] }),
      makeMessage({ rowId: 7, labels: ['TRASH'] }),
    ];
    expect([...derive(messages).values()].map((d) => d.threadKey)).toEqual([
      'g1',
      'r:2',
      'g1',
      'r:4',
      'g2',
      'r:4',
      'r:7',
    ]);
  });

  it('a large Gmail-threaded account holds no reconstruction arrays: ≈ 9 bytes a message (flags and rowId), not ≈ 65', () => {
    const size = 1_000_000;
    const before = process.memoryUsage().arrayBuffers;
    const derivation = new AccountDerivation([ME], { countSpamTrash: false, asOfMs: AS_OF }, size);
    for (let i = 1; i <= 1000; i++) derivation.add(makeMessage({ rowId: i, providerThreadId: `g${i % 7}` }));
    derivation.finish();
    const held = process.memoryUsage().arrayBuffers - before;
    expect(held).toBeLessThanOrEqual(size * 9.5);
    expect(derivation.derivedAt(999, 'g5').threadKey).toBe('g5');
  });

  it('handles a large mailbox in one pass', () => {
    const messages: DerivableMessage[] = [];
    for (let i = 1; i <= 100_000; i++) {
      messages.push(
        makeMessage({
          rowId: i,
          messageId: `m${i}`,
          inReplyTo: i % 3 === 0 ? [`m${i - 1}`] : [],
          subject: `Topic ${i % 500}`,
          sender: `p${i % 700}@x.example`,
          to: [ME],
          time: T0 + i * 60_000,
        }),
      );
    }
    const derived = derive(messages);
    expect(derived.size).toBe(100_000);
    expect(derived.get(3)?.threadKey).toBe(derived.get(2)?.threadKey);
  });
});

describe('Identity', () => {
  it('The app suggests as aliases the From addresses of the account’s `SENT` messages', () => {
    const messages = [
      makeMessage({ labels: ['SENT'], from: 'me@x.example' }),
      makeMessage({ labels: ['SENT'], from: 'old@x.example' }),
      makeMessage({ labels: ['SENT'], from: 'old@x.example' }),
      makeMessage({ labels: ['SENT'], from: 'alt@x.example' }),
      makeMessage({ labels: ['INBOX'], from: 'stranger@x.example' }),
    ];
    expect(suggestAliases(messages, ['Me@X.example'])).toEqual([
      { address: 'old@x.example', count: 2 },
      { address: 'alt@x.example', count: 1 },
    ]);
  });
});
