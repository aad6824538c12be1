/**
 * A hand-built mailbox for the Brief's engine tests, as of Friday 2026-05-08 12:00 UTC (T). Each
 * message's comment says what it contributes; test/brief/brief.test.ts states the values by hand.
 */
import type { AnalyticsMessage } from '../../electron/engine/analytics/index.ts';
import { received, sent } from '../analytics/builders.ts';

export const T = '2026-05-08T12:00:00Z';

const day = (date: string, time = '09:00') => `2026-${date}T${time}:00Z`;

export function briefMailbox(): AnalyticsMessage[] {
  const inbox = { labels: ['INBOX'] };
  const messages: AnalyticsMessage[] = [
    // Waiting on you: t1 (4 days 3 h at T) and t2 (28 h).
    received(day('05-04'), 'ann@a.example', { ...inbox, threadKey: 't1', subject: 'Budget' }),
    received(day('05-07', '08:00'), 'bob@b.example', { ...inbox, threadKey: 't2', subject: 'Contract' }),
    // Not waiting on you: 12 h old; 37 days old; archived (no INBOX).
    received(day('05-08', '00:00'), 'cy@c.example', { ...inbox, threadKey: 't3' }),
    received(day('04-01', '10:00'), 'dee@d.example', { ...inbox, threadKey: 't4' }),
    received(day('05-05', '10:00'), 'eve@e.example', { labels: [], threadKey: 't6' }),
    // Waiting on them: t7 (7 days); t8 is only 2 days old.
    sent(day('05-01', '12:00'), ['fay@f.example'], { threadKey: 't7', subject: 'Proposal' }),
    sent(day('05-06', '12:00'), ['gus@g.example'], { threadKey: 't8' }),
    // This week's replies (1 h and 3 h); Hal's last message is 4 h old at T.
    received(day('05-05'), 'hal@h.example', { ...inbox, threadKey: 't9' }),
    sent(day('05-05', '10:00'), ['hal@h.example'], { threadKey: 't9' }),
    received(day('05-06'), 'hal@h.example', { ...inbox, threadKey: 't9' }),
    sent(day('05-06', '12:00'), ['hal@h.example'], { threadKey: 't9' }),
    received(day('05-08', '08:00'), 'hal@h.example', { ...inbox, threadKey: 't9' }),
    // The previous four weeks' replies (8 h, 4 h, 24 h); Jo's last message is archived.
    received(day('04-20'), 'jo@j.example', { ...inbox, threadKey: 't11' }),
    sent(day('04-20', '17:00'), ['jo@j.example'], { threadKey: 't11' }),
    received(day('04-21'), 'jo@j.example', { ...inbox, threadKey: 't11' }),
    sent(day('04-21', '13:00'), ['jo@j.example'], { threadKey: 't11' }),
    received(day('04-28'), 'jo@j.example', { ...inbox, threadKey: 't11' }),
    sent(day('04-29'), ['jo@j.example'], { threadKey: 't11' }),
    received(day('04-29', '12:00'), 'jo@j.example', { labels: [], threadKey: 't11' }),
  ];
  // Going quiet: Max wrote 10 times in February and not since; Ned 12 times but once in April; Ola only 9.
  for (let n = 1; n <= 12; n++) {
    const date = `02-${String(n).padStart(2, '0')}`;
    if (n <= 10) messages.push(received(day(date), 'max@m.example', { labels: [], threadKey: `max${n}` }));
    messages.push(received(day(date, '10:00'), 'ned@n.example', { labels: [], threadKey: `ned${n}` }));
    if (n <= 9)
      messages.push(received(day(date, '11:00'), 'ola@o.example', { labels: [], threadKey: `ola${n}` }));
  }
  messages.push(received(day('04-15'), 'ned@n.example', { labels: [], threadKey: 'ned-april' }));
  // Newsletters: the shop's three in the 30 days are all unread; the club's one of three was read;
  // the bank sent only two; the shop's March message lies before the 30 days.
  const newsletter = (date: string, sender: string, unread: boolean, key: string) =>
    received(day(date, '07:00'), sender, {
      labels: unread ? ['INBOX', 'UNREAD'] : ['INBOX'],
      automated: true,
      unsubscribe: sender === 'news@shop.example' ? 'https://shop.example/u' : 'mailto:leave@club.example',
      threadKey: key,
    });
  messages.push(
    newsletter('03-30', 'news@shop.example', true, 'n0'),
    newsletter('04-20', 'news@shop.example', true, 'n1'),
    newsletter('04-27', 'news@shop.example', true, 'n2'),
    newsletter('05-06', 'news@shop.example', true, 'n3'),
    newsletter('04-20', 'digest@club.example', true, 'c1'),
    newsletter('04-27', 'digest@club.example', false, 'c2'),
    newsletter('05-04', 'digest@club.example', true, 'c3'),
    newsletter('04-22', 'alerts@bank.example', true, 'b1'),
    newsletter('04-29', 'alerts@bank.example', true, 'b2'),
  );
  return messages;
}
