/**
 * A raw message's facts are read from the headers they use only (facts.ts FACT_HEADERS): the same
 * facts as from every header of the block, on every message of the shared corpora (the Enron
 * users' mbox files, SpamAssassin's message files, the parser fixtures). A file is recognised as
 * mail from its known headers only (read-mail.ts looksLikeMail): the same answer as from every one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACT_HEADERS, factsFromHeaders, importedProviderId } from '../../electron/engine/mail/facts.ts';
import {
  firstHeader,
  KNOWN_HEADERS,
  parseHeaderFields,
  readHeaders,
  skipFromLine,
} from '../../electron/engine/mail/headers.ts';
import { labelsFromTakeout } from '../../electron/engine/mail/labels.ts';
import { looksLikeMail, readMail } from '../../electron/engine/mail/read-mail.ts';
import type { MessageFacts } from '../../electron/engine/mail/types.ts';
import { CORPORA, skipWithoutCorpora, withoutCorporaNote } from '../paths.ts';

/** factsFromRaw as it read before: every header of the block in the map. */
function fromEveryHeader(raw: Buffer, folderLabels: string[]): MessageFacts | null {
  const headers = readHeaders(raw);
  if (headers === null) return null;
  const takeout = firstHeader(headers, 'x-gmail-labels');
  const facts = factsFromHeaders(headers, {
    providerId: null,
    providerThreadId: firstHeader(headers, 'x-gm-thrid') || null,
    labels: takeout !== undefined ? labelsFromTakeout(takeout) : [...folderLabels],
    size: raw.length,
  });
  if (facts.messageId === null && facts.contentKey === null)
    facts.providerId = importedProviderId(null, null, raw);
  return facts;
}

/** looksLikeMail as it read before: every header line of the first 8 KB in a map. */
function lookedLikeMail(head: Buffer): boolean {
  const text = head.toString('latin1', skipFromLine(head), Math.min(head.length, 8192));
  if (!/^[!-9;-~]+[ \t]*:/.test(text)) return false;
  return parseHeaderFields(text).some((field) => KNOWN_HEADERS.has(field.name.toLowerCase()));
}

function* filesUnder(folder: string): Generator<string> {
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

describe('facts from the kept headers', () => {
  it('keeps every header a known-header check or a decoding reads', () => {
    for (const name of ['from', 'received', 'mime-version', 'x-gmail-labels', 'content-type', 'list-id'])
      expect(FACT_HEADERS.has(name)).toBe(true);
    expect(FACT_HEADERS.has('x-folder')).toBe(false);
  });

  it.skipIf(skipWithoutCorpora)(
    `equal the facts from every header, on every message of the shared corpora${withoutCorporaNote}`,
    async () => {
      let compared = 0;
      const different: string[] = [];
      const sets = ['enron', 'spamassassin', 'fixtures'].map((set) => join(CORPORA, set));
      for await (const item of readMail(sets, { blocking: true })) {
        if (item.kind !== 'message' || item.truncated) continue;
        compared += 1;
        const before = fromEveryHeader(item.raw, item.folderLabels);
        if (JSON.stringify(item.facts) !== JSON.stringify(before))
          different.push(`${item.file}@${item.offset}`);
      }
      expect(compared).toBeGreaterThan(20_000);
      expect(different).toEqual([]);
    },
  );

  it('recognise mail as every header did, on seeded heads', () => {
    const heads = [
      'From: a@b',
      'X-Thing: 1\nSubject: hi\n',
      'X-Thing: 1\n',
      'FROM : a',
      'Subjectx: 1',
      'From\r: a',
      ' From: a',
    ];
    for (const head of heads)
      expect(looksLikeMail(Buffer.from(head)), head).toBe(lookedLikeMail(Buffer.from(head)));
    expect(looksLikeMail(Buffer.from('X-Thing: 1\nSubject: hi\n'))).toBe(true);
    expect(looksLikeMail(Buffer.from('X-Thing: 1\n'))).toBe(false);
  });

  it.skipIf(skipWithoutCorpora)(
    `recognise mail as every header did, on every file of the shared corpora${withoutCorporaNote}`,
    () => {
      const files = [...filesUnder(CORPORA)];
      expect(files.length).toBeGreaterThan(3000);
      const different = files.filter((file) => {
        const head = readFileSync(file).subarray(0, 8192);
        return looksLikeMail(head) !== lookedLikeMail(head);
      });
      expect(different).toEqual([]);
    },
  );
});
