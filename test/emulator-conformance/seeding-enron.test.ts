import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuplicateMerger, deriveAccount, readMail } from '../../electron/engine/mail/index.ts';
import { seedFromMail } from '../emulator/seed-mail.ts';
import { CORPORA, corporaMissing, hasCorpora } from '../paths.ts';
import { type Harness, START, startHarness } from './fixtures.ts';

const USERS: Record<string, string> = {
  'allen-p': 'phillip.allen@enron.com',
  'beck-s': 'sally.beck@enron.com',
  'farmer-d': 'daren.farmer@enron.com',
  'lavorato-j': 'john.lavorato@enron.com',
};

/** The mail model's own counts for a folder: merged messages, their threads, and those carrying SENT. */
async function modelCounts(folder: string, identity: string) {
  const merger = new DuplicateMerger();
  for await (const item of readMail([folder])) if (item.kind === 'message') merger.add(item.facts);
  const messages = merger.results();
  const derived = deriveAccount(
    messages.map((facts, rowId) => ({ ...facts, rowId })),
    [identity],
    { countSpamTrash: true, asOfMs: START },
  );
  return {
    messages: messages.length,
    threads: new Set([...derived.values()].map((facts) => facts.threadKey)).size,
    sent: messages.filter((facts) => facts.labels.includes('SENT')).length,
  };
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

describe.skipIf(!hasCorpora)(
  `seeding the shared Enron users (${hasCorpora ? 'corpora present' : corporaMissing})`,
  () => {
    for (const [user, identity] of Object.entries(USERS)) {
      it(`${user}: message, thread and SENT counts equal the mail model's`, async () => {
        const folder = join(CORPORA, 'enron', user);
        const expected = await modelCounts(folder, identity);
        const seeded = await seedFromMail([folder], { now: START, identities: [identity] });
        h = await startHarness({ messages: seeded.messages });
        const profile = await h.gmail.users.getProfile({ userId: 'me' });
        const sent = await h.gmail.users.labels.get({ userId: 'me', id: 'SENT' });
        expect({
          messages: profile.data.messagesTotal,
          threads: profile.data.threadsTotal,
          sent: sent.data.messagesTotal,
        }).toEqual(expected);
        expect(expected.messages).toBeGreaterThan(1000);
      });
    }
  },
);
