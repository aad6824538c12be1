/**
 * Three pieces of a message's facts are read by hand rather than by the expressions and copies
 * they were first written with (facts.ts, addresses.ts): message ids by scanning for `<` and `>`,
 * To/Cc/Bcc straight into strings, and the content key's recipients sorted and deduplicated in
 * place. Each is held equal to its reference, kept here as it was, on every message of the shared
 * corpora (the Enron users' mbox files, SpamAssassin's message files, the parser fixtures) and on
 * seeded values around the edges.
 */
import { hash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addressesOf, parseAddressHeaders } from '../../electron/engine/mail/addresses.ts';
import { factsFromHeaders, messageIds } from '../../electron/engine/mail/facts.ts';
import { headersFromPairs, readHeaders } from '../../electron/engine/mail/headers.ts';
import { readMail } from '../../electron/engine/mail/read-mail.ts';
import type { MessageFacts } from '../../electron/engine/mail/types.ts';
import { CORPORA, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';
import { seededRandom } from '../seeded-random.ts';

/** messageIds as it read before: one expression over the value. */
function idsByExpression(value: string | undefined): string[] {
  if (value === undefined) return [];
  const ids = [...value.matchAll(/<([^<>]*)>/g)].map((m) => m[1]!.trim()).filter((id) => id !== '');
  if (ids.length > 0) return ids;
  const bare = value.trim();
  return bare !== '' && !/\s/.test(bare) ? [bare] : [];
}

/** To, Cc and Bcc as they were read before: every entry with its name, then the addresses. */
function addressesByEntries(values: readonly string[] | undefined): string[] {
  return parseAddressHeaders(values).map((entry) => entry.address);
}

/** The content key as it was computed before: a Set of both lists, spread and sorted. */
function contentKeyBefore(facts: MessageFacts): string | null {
  if (facts.time === null) return null;
  const recipients = [...new Set([...facts.to, ...facts.cc])].sort();
  const text = JSON.stringify([facts.from ?? '', facts.time, facts.subject ?? '', recipients]);
  return hash('sha1', text, 'base64url').slice(0, 22);
}

const ID_HEADERS = ['message-id', 'in-reply-to', 'references'];
const ADDRESS_HEADERS = ['to', 'cc', 'bcc', 'from', 'reply-to', 'sender'];

describe('facts read by hand', () => {
  it.skipIf(skipWithoutCorpora)(
    `equal their references on every message of the shared corpora${withoutCorporaNote}`,
    async () => {
      let messages = 0;
      let ids = 0;
      let lists = 0;
      const different: string[] = [];
      const sets = ['enron', 'spamassassin', 'fixtures'].map((set) => join(CORPORA, set));
      for await (const item of readMail(sets, { blocking: true })) {
        if (item.kind !== 'message') continue;
        messages += 1;
        const where = `${item.file}@${item.offset}`;
        const headers = readHeaders(item.raw);
        for (const name of ID_HEADERS)
          for (const value of headers?.get(name) ?? []) {
            ids += 1;
            if (JSON.stringify(messageIds(value)) !== JSON.stringify(idsByExpression(value)))
              different.push(`${where} ${name}: ${value}`);
          }
        for (const name of ADDRESS_HEADERS) {
          const values = headers?.get(name);
          if (values === undefined) continue;
          lists += 1;
          if (JSON.stringify(addressesOf(values)) !== JSON.stringify(addressesByEntries(values)))
            different.push(`${where} ${name}: ${values.join(' | ')}`);
        }
        if (item.facts.contentKey !== contentKeyBefore(item.facts)) different.push(`${where} content key`);
      }
      expect(messages).toBeGreaterThan(20_000);
      expect(ids).toBeGreaterThan(20_000);
      expect(lists).toBeGreaterThan(40_000);
      expect(different).toEqual([]);
    },
  );

  it('read message ids as the expression did, on seeded values', () => {
    const random = seededRandom(18);
    const pieces = ['<', '>', ' ', '\t', 'a', 'b@c', '<>', '< >', '<x@y>', '\n ', '\u00a0', ''];
    const values = ['', ' ', '<a <b>', '<a> junk <b', 'bare@id', 'two words', '<<x>>', '>x<'];
    for (let i = 0; i < 20_000; i++) {
      let value = '';
      const length = Math.floor(random() * 8);
      for (let j = 0; j < length; j++) value += pieces[Math.floor(random() * pieces.length)];
      values.push(value);
    }
    for (const value of values)
      expect(messageIds(value), JSON.stringify(value)).toEqual(idsByExpression(value));
  });

  it('read address lists as the entries did, on seeded values', () => {
    const random = seededRandom(19);
    const pieces = [
      'a@b.com',
      'A@B.Example',
      'x@googlemail.com',
      'not-an-address',
      ',',
      ', ',
      ' ,',
      '\n\t',
      '\u00a0',
      '"Name, Q" <q@r.org>',
      'Name <n@m.net>',
      '(comment)',
      'group: g@h.io;',
      '=?utf-8?q?J=C3=B6rg?= <j@k.de>',
    ];
    const lists: string[][] = [[], [''], ['a@b.com,'], [' , '], ['a@b.com', 'C@D.com']];
    for (let i = 0; i < 20_000; i++) {
      let value = '';
      const length = 1 + Math.floor(random() * 6);
      for (let j = 0; j < length; j++) value += pieces[Math.floor(random() * pieces.length)];
      lists.push(random() < 0.2 ? [value.trim(), value] : [value.trim()]);
    }
    for (const values of lists)
      expect(addressesOf(values), JSON.stringify(values)).toEqual(addressesByEntries(values));
  });

  it('key the content as before, with recipients repeated across To and Cc (seeded)', () => {
    const random = seededRandom(20);
    const pool = ['a@x.org', 'b@x.org', 'B@x.org', 'c@y.net', 'z@a.com', 'é@x.org'];
    const some = () => pool.filter(() => random() < 0.4).join(', ');
    for (let i = 0; i < 2_000; i++) {
      const headers = headersFromPairs([
        { name: 'From', value: 'f@x.org' },
        { name: 'Date', value: 'Mon, 14 May 2001 16:39:00 -0700' },
        { name: 'Subject', value: `s${i % 7}` },
        { name: 'To', value: some() },
        { name: 'Cc', value: some() },
      ]);
      const facts = factsFromHeaders(headers, {
        providerId: null,
        providerThreadId: null,
        labels: [],
        size: 1,
      });
      expect(facts.contentKey).toBe(contentKeyBefore(facts));
    }
  });
});
