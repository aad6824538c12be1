import { describe, expect, it } from 'vitest';
import { drilldown } from '../../electron/engine/analytics/index.ts';
import { ME, received, reportInput, sent } from './builders.ts';

const messages = [
  received('2025-05-05T09:00:00Z', 'ann@a.example', { providerId: '18f0a1', threadKey: 't' }),
  sent('2025-05-05T10:30:00Z', ['ann@a.example'], { providerId: '18f0a2', threadKey: 't' }),
  received('2025-05-06T09:15:00Z', 'bob@b.example', { providerId: '18f0a3' }),
  received('2025-05-06T12:00:00Z', 'ann@a.example', { providerId: '18f0a4' }),
];
const input = reportInput(messages, '2025-06-01T00:00:00Z');

describe('drilldown', () => {
  it('lists the messages behind a top-senders row, newest first, with Gmail links', () => {
    const page = drilldown(input, { figure: 'topSenders', key: 'ann@a.example' });
    expect(page.total).toBe(2);
    expect(page.messages.map((m) => m.providerId)).toEqual(['18f0a4', '18f0a1']);
    expect(page.messages[0]!.link).toBe('https://mail.google.com/mail/u/me@example.com/#all/18f0a4');
  });

  it('opens volume days, busiest-times cells and response buckets', () => {
    expect(drilldown(input, { figure: 'volume', key: '2025-05-06' }).total).toBe(2);
    expect(
      drilldown(input, { figure: 'volume', key: '2025-05-05', direction: 'sent' }).messages[0]!.providerId,
    ).toBe('18f0a2');
    expect(drilldown(input, { figure: 'busiestTimes', key: 'received:1:9' }).messages[0]!.providerId).toBe(
      '18f0a3',
    );
    const bucket = drilldown(input, { figure: 'responseTime', key: 'mine:1' });
    expect(bucket.messages.map((m) => m.providerId)).toEqual(['18f0a2', '18f0a1']);
    expect(drilldown(input, { figure: 'responseTime', key: 'mine:0' }).total).toBe(0);
  });

  it('pages, and gives no link for mail without a Gmail id', () => {
    const imported = { ...input, accounts: [{ ...ME, provider: 'import' as const }] };
    const second = drilldown(imported, { figure: 'volume', key: 'month:2025-05', page: 1, pageSize: 3 });
    expect(second).toMatchObject({ total: 4, page: 1, pageSize: 3 });
    expect(second.messages.map((m) => [m.providerId, m.link])).toEqual([['18f0a1', null]]);
  });

  it('refuses unknown cells with a VALIDATION error naming the key format', () => {
    expect(() => drilldown(input, { figure: 'busiestTimes', key: 'both:1:2' })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(() => drilldown(input, { figure: 'topSenders', key: 'x', pageSize: 0 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
