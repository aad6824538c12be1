import { describe, expect, it } from 'vitest';
import type { GeneratedMessage } from '../../electron/engine/mail/generator/index.ts';
import { addresses, collect, header, isSent, share } from './helpers.ts';

const ME = 'me@example.com';
const ALIAS = 'me.work@alias.example';
const mailbox = collect({ seed: 42, messages: 5000, identities: [ME, ALIAS] });
const received = mailbox.filter((m) => !isSent(m) && !m.labelIds.includes('DRAFT'));
const has = (m: GeneratedMessage, name: string) => header(m, name) !== undefined;
const bulk = received.filter((m) => has(m, 'List-Unsubscribe') && !has(m, 'List-Post'));

describe('a 5,000-message mailbox has every feature, in plausible proportions', () => {
  it('sends between 20 % and 50 % of its mail, from the account and sometimes an alias', () => {
    expect(share(mailbox, isSent)).toBeGreaterThan(0.2);
    expect(share(mailbox, isSent)).toBeLessThan(0.5);
    const fromAlias = mailbox.filter((m) => isSent(m) && addresses(header(m, 'From'))[0] === ALIAS).length;
    expect(fromAlias).toBeGreaterThan(10);
    expect(fromAlias).toBeLessThan(mailbox.filter(isSent).length * 0.3);
  });

  it('labels sent mail SENT without INBOX, and keeps some received mail archived', () => {
    expect(mailbox.filter(isSent).every((m) => !m.labelIds.includes('INBOX'))).toBe(true);
    const inInbox = share(received, (m) => m.labelIds.includes('INBOX'));
    expect(inInbox).toBeGreaterThan(0.3);
    expect(inInbox).toBeLessThan(0.9);
  });

  it('has newsletters with List-Unsubscribe (https and mailto), List-Id and Precedence: bulk, mostly unread', () => {
    expect(share(mailbox, (m) => has(m, 'List-Unsubscribe'))).toBeGreaterThan(0.15);
    expect(share(mailbox, (m) => has(m, 'List-Unsubscribe'))).toBeLessThan(0.6);
    expect(bulk.some((m) => /<https:[^>]+>, <mailto:/.test(header(m, 'List-Unsubscribe')!))).toBe(true);
    expect(bulk.some((m) => /^<mailto:[^>]+>$/.test(header(m, 'List-Unsubscribe')!))).toBe(true);
    expect(bulk.some((m) => has(m, 'List-Id'))).toBe(true);
    expect(mailbox.some((m) => header(m, 'Precedence') === 'bulk')).toBe(true);
    expect(share(bulk, (m) => m.labelIds.includes('UNREAD'))).toBeGreaterThan(0.5);
    const personal = received.filter((m) => m.labelIds.includes('CATEGORY_PERSONAL'));
    expect(share(personal, (m) => m.labelIds.includes('UNREAD'))).toBeLessThan(0.2);
  });

  it('uses every category, noreply-style senders and Auto-Submitted auto-replies', () => {
    for (const label of [
      'CATEGORY_PROMOTIONS',
      'CATEGORY_UPDATES',
      'CATEGORY_SOCIAL',
      'CATEGORY_FORUMS',
      'CATEGORY_PERSONAL',
    ]) {
      expect(mailbox.some((m) => m.labelIds.includes(label))).toBe(true);
    }
    const locals = new Set(received.map((m) => addresses(header(m, 'From'))[0]?.split('@')[0]));
    for (const local of ['noreply', 'no-reply', 'notifications', 'donotreply'])
      expect(locals.has(local)).toBe(true);
    const autoReplies = received.filter((m) => header(m, 'Auto-Submitted') === 'auto-replied');
    expect(autoReplies.length).toBeGreaterThan(0);
    expect(
      autoReplies.every((m) => has(m, 'In-Reply-To') && /^Automatic reply: /.test(header(m, 'Subject')!)),
    ).toBe(true);
    expect(mailbox.some((m) => header(m, 'Auto-Submitted') === 'auto-generated')).toBe(true);
  });

  it('has discussion lists with List-Post, the DMARC "via" rewrite and the user’s own posts echoed back', () => {
    const listMail = received.filter((m) => has(m, 'List-Post'));
    expect(listMail.length).toBeGreaterThan(100);
    const via = listMail.filter((m) => {
      const post = /<mailto:([^>]+)>/.exec(header(m, 'List-Post')!)![1];
      return addresses(header(m, 'From'))[0] === post && / via /.test(header(m, 'From')!);
    });
    expect(via.length).toBeGreaterThan(0);
    expect(via.every((m) => addresses(header(m, 'Reply-To')).length === 1)).toBe(true);
    const echoes = listMail.filter((m) => {
      const author = has(m, 'Reply-To')
        ? addresses(header(m, 'Reply-To'))[0]
        : addresses(header(m, 'From'))[0];
      return author === ME;
    });
    expect(echoes.length).toBeGreaterThan(0);
    const sentSubjects = new Set(mailbox.filter(isSent).map((m) => `${m.threadId} ${header(m, 'Subject')}`));
    expect(echoes.every((m) => sentSubjects.has(`${m.threadId} ${header(m, 'Subject')}`))).toBe(true);
  });

  it('has a few malformed messages of each kind, and drafts, spam and trash', () => {
    const missingDate = received.filter((m) => !has(m, 'Date'));
    const badDate = received.filter(
      (m) => has(m, 'Date') && !(Date.parse(header(m, 'Date')!) > Date.UTC(1990, 0, 1)),
    );
    const missingFrom = received.filter((m) => !has(m, 'From'));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for 8-bit characters
    const eightBit = received.filter((m) => m.headers.some((h) => /[^\x00-\x7f]/.test(h.value)));
    for (const group of [missingDate, badDate, missingFrom, eightBit]) {
      expect(group.length).toBeGreaterThan(0);
      expect(group.length).toBeLessThan(60);
    }
    for (const label of ['DRAFT', 'SPAM', 'TRASH', 'STARRED', 'IMPORTANT']) {
      const count = mailbox.filter((m) => m.labelIds.includes(label)).length;
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(mailbox.length * 0.4);
    }
  });

  it('addresses people in To, Cc and Bcc (Bcc only on the user’s own), with encoded non-ASCII names', () => {
    expect(mailbox.some((m) => addresses(header(m, 'To')).length >= 2)).toBe(true);
    expect(mailbox.filter((m) => has(m, 'Cc')).length).toBeGreaterThan(100);
    const withBcc = mailbox.filter((m) => has(m, 'Bcc'));
    expect(withBcc.length).toBeGreaterThan(0);
    expect(withBcc.every((m) => isSent(m) || m.labelIds.includes('DRAFT'))).toBe(true);
    const fromHeaders = mailbox.map((m) => header(m, 'From') ?? '');
    expect(fromHeaders.some((v) => v.includes('=?UTF-8?B?'))).toBe(true);
    expect(fromHeaders.some((v) => v.includes('=?ISO-8859-1?Q?'))).toBe(true);
    expect(mailbox.some((m) => header(m, 'To') === 'undisclosed-recipients:;')).toBe(true);
  });

  it('threads: many short, some of 10 or more, chained by Message-ID, In-Reply-To, References and Re: subjects', () => {
    const byThread = new Map<string, GeneratedMessage[]>();
    for (const m of mailbox) byThread.set(m.threadId, [...(byThread.get(m.threadId) ?? []), m]);
    const lengths = [...byThread.values()].map((t) => t.length);
    expect(lengths.filter((n) => n <= 2).length / lengths.length).toBeGreaterThan(0.6);
    expect(lengths.filter((n) => n >= 10).length).toBeGreaterThan(5);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(20);
    const ids = mailbox.map((m) => header(m, 'Message-ID'));
    expect(new Set(ids).size).toBe(mailbox.length);
    for (const thread of byThread.values()) {
      const seen = new Set<string>();
      for (const m of thread) {
        const parent = header(m, 'In-Reply-To');
        if (parent) {
          expect(seen.has(parent)).toBe(true);
          expect(header(m, 'References')!.split(' ').at(-1)).toBe(parent);
          expect(header(m, 'Subject')).toMatch(/^(Re|Automatic reply): /);
        }
        seen.add(header(m, 'Message-ID')!);
      }
    }
  });

  it('gives contacts their own zones and reply habits: some answer within the hour, some take days', () => {
    const zones = new Set(received.map((m) => header(m, 'Date')?.slice(-5)));
    expect(zones.size).toBeGreaterThanOrEqual(5);
    const sentAt = new Map(mailbox.filter(isSent).map((m) => [header(m, 'Message-ID'), m.internalDate]));
    const delays = new Map<string, number[]>();
    for (const m of received) {
      const asked = sentAt.get(header(m, 'In-Reply-To'));
      const from = addresses(header(m, 'From'))[0];
      if (asked === undefined || !from || has(m, 'Auto-Submitted') || has(m, 'List-Post')) continue;
      delays.set(from, [...(delays.get(from) ?? []), m.internalDate - asked]);
    }
    const medians = [...delays.values()]
      .filter((d) => d.length >= 3)
      .map((d) => d.sort((a, b) => a - b)[Math.floor(d.length / 2)]!);
    expect(medians.some((d) => d < 3_600_000)).toBe(true);
    expect(medians.some((d) => d > 86_400_000)).toBe(true);
  });
});
