/** Seeded mailboxes for the loading tests: both accounts, lists, identities, undated, uncounted and unicode texts. */
import type { AnalyticsMessage } from '../../electron/engine/analytics/index.ts';
import { seededRandom } from '../seeded-random.ts';
import { message } from './builders.ts';

export const AS_OF = Date.parse('2025-06-01T12:00:00Z');
const DAY = 86_400_000;
const PEOPLE = ['ann@a.example', 'bob@b.example', 'cy@a.example', 'dee@c.example', 'news@list.example'];
const MINE = ['me@example.com', 'me@alias.example'];
const LABELS = [[], ['INBOX'], ['INBOX', 'UNREAD'], ['SENT'], ['SPAM'], ['TRASH', 'UNREAD']];

/** A seeded mailbox of both accounts: lists, identities, undated, uncounted and unicode texts. */
export function randomMessages(seed: number, count: number, firstRowId = 1): AnalyticsMessage[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const some = (n: number) => Array.from({ length: n }, () => pick([...PEOPLE, ...MINE, 'zoë@ü.example']));
  return Array.from({ length: count }, (_, k) => {
    const sent = random() < 0.4;
    const roll = random();
    const time = roll < 0.03 ? null : AS_OF - Math.floor(random() * 120 * DAY);
    return message(time === null ? null : new Date(time).toISOString(), {
      rowId: firstRowId + k,
      accountId: random() < 0.8 ? 1 : 2,
      direction: sent ? 'sent' : 'received',
      sender: random() < 0.03 ? null : sent ? pick(MINE) : pick(PEOPLE),
      senderName: pick([null, 'Ann', 'Zoë "Z" Ünal']),
      to: some(1 + Math.floor(random() * 2)),
      cc: random() < 0.2 ? some(2) : [],
      bcc: random() < 0.1 ? some(1) : [],
      labels: [...pick(LABELS)],
      unsubscribe: random() < 0.2 ? 'https://u.example/1' : null,
      automated: random() < 0.25,
      counted: random() < 0.92,
      subject: pick(['Plan', 'Re: Plan', 'Ünïcode ✓']),
      size: 100 + Math.floor(random() * 5000),
      threadKey: random() < 0.05 ? null : `t${Math.floor(random() * 40)}-${pick(['', 'ü', '✓'])}`,
    } as Partial<AnalyticsMessage>);
  });
}
