/**
 * The HTML digest is safe to open anywhere: every text from the mail is escaped, and only https:
 * and mailto: targets become links (a javascript: or http: unsubscribe target stays text).
 */
import { describe, expect, it } from 'vitest';
import { computeBrief } from '../../electron/engine/analytics/brief/compute-brief.ts';
import { digestHtml, safeHref } from '../../electron/engine/analytics/brief/digest-html.ts';
import { reportInput } from '../analytics/builders.ts';
import { briefMailbox, T } from './brief-mailbox.ts';

describe('the HTML digest', () => {
  const { range: _range, ...input } = reportInput(briefMailbox(), T);
  const brief = computeBrief(input);

  it('links Gmail for synced threads and the unsubscribe target, and nothing else', () => {
    const html = digestHtml(brief);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
    expect(hrefs).toEqual([
      ...brief.waitingOnYou.threads.map((t) => t.gmailLink),
      ...brief.waitingOnThem.threads.map((t) => t.gmailLink),
      'https://shop.example/u',
    ]);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).toContain(
      'Faster than usual: your median reply this week was 2 h (2 replies), against 8 h (3 replies) over the previous four weeks.',
    );
  });

  it("escapes the mail's texts and shows unsafe targets as text", () => {
    const hostile = {
      ...brief,
      waitingOnYou: {
        ...brief.waitingOnYou,
        threads: [
          {
            ...brief.waitingOnYou.threads[0]!,
            subject: '"><script>alert(1)</script>',
            gmailLink: 'javascript:alert(1)',
          },
        ],
      },
      newsletters: {
        ...brief.newsletters,
        senders: [{ address: 'x@y.example', count: 3, last: T, unsubscribe: 'http://tracker.example/u' }],
      },
    };
    const html = digestHtml(hostile);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toMatch(/href="(javascript|http:)/i);
    expect([
      safeHref('mailto:leave@x.example'),
      safeHref('https://a.example'),
      safeHref('http://a.example'),
      safeHref('data:x'),
    ]).toEqual(['mailto:leave@x.example', 'https://a.example', null, null]);
  });
});

describe("the HTML digest's markup", () => {
  it('keeps every style attribute whole: no double quote inside a style', () => {
    const { range: _range, ...input } = reportInput(briefMailbox(), T);
    const html = digestHtml(computeBrief(input));
    for (const match of html.matchAll(/style="([^"]*)"(.)/g)) {
      // An attribute cut short by a quote inside it is followed by text, not by > or a space.
      expect([' ', '>']).toContain(match[2]);
      expect(match[1]).toMatch(/;|^[a-z-]+:[^;]+$/);
    }
    expect(html).toContain("font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif");
  });
});
