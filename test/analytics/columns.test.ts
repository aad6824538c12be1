import { queryObjects } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AnalyticsMessage,
  computeReport,
  type DrilldownRequest,
  drilldown,
  loadAnalyticsMessages,
  loadReportAccounts,
  type RangeSpec,
  type ReportInput,
} from '../../electron/engine/analytics/index.ts';
import { StoredMessage } from '../../electron/engine/analytics/stored-message.ts';
import { seededRandom } from '../seeded-random.ts';
import { message } from './builders.ts';
import { store, storedMailboxes } from './stored-mailbox.ts';

const mailboxes = storedMailboxes();
afterEach(() => mailboxes.close());

const AS_OF = Date.parse('2025-06-01T12:00:00Z');
const DAY = 86_400_000;

const PEOPLE = ['ann@a.example', 'bob@b.example', 'cy@a.example', 'dee@c.example', 'news@list.example'];
const MINE = ['me@example.com', 'me@alias.example', 'me@work.example'];
const LABELS = [
  [],
  ['INBOX'],
  ['INBOX', 'UNREAD'],
  ['SENT'],
  ['SPAM'],
  ['TRASH', 'UNREAD'],
  ['INBOX', 'INBOX'],
];

/** A varied mailbox over two accounts: shared and distinct lists, identities, undated and uncounted mail. */
function mailbox(): AnalyticsMessage[] {
  const random = seededRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const some = (count: number) => Array.from({ length: count }, () => pick([...PEOPLE, ...MINE]));
  const messages: AnalyticsMessage[] = [];
  for (let rowId = 1; rowId <= 400; rowId++) {
    const accountId = random() < 0.7 ? 1 : 2;
    const sent = random() < 0.4;
    const roll = random();
    const time =
      roll < 0.03 ? null : roll < 0.05 ? AS_OF + 3 * DAY : AS_OF - Math.floor(random() * 150 * DAY);
    const sender = random() < 0.03 ? null : sent ? pick(MINE) : pick([...PEOPLE, MINE[1]!]);
    messages.push(
      message(time === null ? null : new Date(time).toISOString(), {
        rowId,
        accountId,
        direction: sent ? 'sent' : 'received',
        sender,
        senderName: pick([null, '', 'Ann', 'Bob B.']),
        to: some(1 + Math.floor(random() * 2)),
        cc: random() < 0.2 ? some(2) : [],
        bcc: random() < 0.1 ? some(1) : [],
        labels: [...pick(LABELS)],
        unsubscribe: random() < 0.2 ? pick(['https://u.example/1', 'mailto:u@list.example']) : null,
        automated: random() < 0.25,
        counted: random() < 0.92,
        echo: !sent && sender === MINE[1],
        subject: pick(['Plan', 'Re: Plan', null, 'Invoice']),
        size: 100 + Math.floor(random() * 5000),
        threadKey: `t${Math.floor(random() * 60)}`,
      }),
    );
  }
  return messages;
}

/** Plain objects with every fact of the loaded messages: the path in-memory inputs take. */
function plain(messages: readonly AnalyticsMessage[]): AnalyticsMessage[] {
  return messages.map((m) => {
    const copy = {} as Record<string, unknown>;
    for (const key of Object.keys(message(null))) {
      const value = m[key as keyof AnalyticsMessage];
      copy[key] = Array.isArray(value) ? [...value] : value;
    }
    return copy as unknown as AnalyticsMessage;
  });
}

describe('loaded message sets read as columns', () => {
  const db = () => {
    const fresh = mailboxes.fresh();
    for (const m of mailbox()) store(fresh, m);
    fresh.prepare('UPDATE message_cache SET thread_key = NULL WHERE id % 17 = 0').run();
    return fresh;
  };

  it('give every figure exactly as the same messages as plain objects do', () => {
    const database = db();
    for (const accountIds of [[1], [2], [1, 2]]) {
      const loaded = loadAnalyticsMessages(database, accountIds);
      const copies = plain(loaded);
      for (const range of ['all', '7', '30', '90', '2025-03-01..2025-04-15'] as RangeSpec[]) {
        for (const threadsDerivedAsOf of [AS_OF, null]) {
          const input = (messages: AnalyticsMessage[]): ReportInput => ({
            messages,
            accounts: loadReportAccounts(database, accountIds).map((account) => ({
              ...account,
              mailboxTotal: 1000,
            })),
            timeZone: 'Europe/London',
            asOf: AS_OF,
            range,
            threadsDerivedAsOf,
          });
          expect(computeReport(input(loaded))).toEqual(computeReport(input(copies)));
        }
      }
    }
  });

  it('open the same drill-downs as plain objects', () => {
    const database = db();
    const loaded = loadAnalyticsMessages(database, [1, 2]);
    const input = (messages: AnalyticsMessage[]): ReportInput => ({
      messages,
      accounts: loadReportAccounts(database, [1, 2]),
      timeZone: 'UTC',
      asOf: AS_OF,
      range: '90',
      threadsDerivedAsOf: AS_OF,
    });
    const report = computeReport(input(loaded));
    const requests: DrilldownRequest[] = [
      { figure: 'coverage', key: 'all', pageSize: 500 },
      { figure: 'topSenders', key: report.topSenders[0]!.address },
      { figure: 'topDomains', key: `recipients:${report.topDomains.recipients[0]!.domain}` },
      { figure: 'labels', key: 'UNREAD' },
      { figure: 'newsletters', key: report.newsletters[0]!.address },
      { figure: 'threads', key: report.threads.longest[0]!.thread },
      { figure: 'awaiting', key: 'onThem' },
      { figure: 'workingHours', key: 'theirs:3' },
      { figure: 'goingQuiet', key: 'ann@a.example' },
      { figure: 'network', key: [report.network.nodes[0]!.address, report.network.nodes[1]!.address] },
    ];
    for (const request of requests) {
      const fromColumns = drilldown(input(loaded), request);
      expect(fromColumns).toEqual(drilldown(input(plain(loaded)), request));
    }
    expect(drilldown(input(loaded), requests[0]!).total).toBeGreaterThan(100);
  });

  it('are read-only, so that their columns always describe them', () => {
    const loaded = loadAnalyticsMessages(db(), [1]);
    const first = loaded[0];
    expect(() => loaded.pop()).toThrow(TypeError);
    expect(() => loaded.push(first!)).toThrow(TypeError);
    expect(() => {
      (loaded as AnalyticsMessage[])[0] = loaded[1]!;
    }).toThrow(TypeError);
    expect(() => loaded.sort((a, b) => b.rowId - a.rowId)).toThrow(TypeError);
    expect(loaded[0]).toBe(first);
  });

  it('make no message object until one is read: a report reads the columns only', () => {
    const database = db();
    const loaded = loadAnalyticsMessages(database, [1, 2]);
    const input: ReportInput = {
      messages: loaded,
      accounts: loadReportAccounts(database, [1, 2]),
      timeZone: 'Europe/London',
      asOf: AS_OF,
      range: 'all',
      threadsDerivedAsOf: AS_OF,
    };
    computeReport(input);
    // queryObjects collects garbage first, then counts the live objects made by the class.
    expect(queryObjects(StoredMessage, { format: 'count' })).toBe(0);
    const read = [loaded[3]!, loaded[5]!, loaded[3]!];
    expect(read[0]).toBe(read[2]);
    expect(queryObjects(StoredMessage, { format: 'count' })).toBe(2);
    expect(loaded.length).toBeGreaterThan(250);
  });
});
