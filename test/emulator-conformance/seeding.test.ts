import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateMailbox } from '../../electron/engine/mail/generator/index.ts';
import { seedFromMail } from '../emulator/seed-mail.ts';
import { SYNTHETIC_LABELS, seedFromSynthetic } from '../emulator/seed-synthetic.ts';
import { type Harness, START, startHarness } from './fixtures.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.close();
  h = undefined;
});

describe('seeding', () => {
  it('seeds the synthetic generator with its ids, threads and named user labels', async () => {
    const generated = [...generateMailbox({ seed: 5, messages: 300 })];
    h = await startHarness({
      messages: seedFromSynthetic({ seed: 5, messages: 300 }),
      labels: SYNTHETIC_LABELS,
    });
    const profile = await h.gmail.users.getProfile({ userId: 'me' });
    expect(profile.data.messagesTotal).toBe(300);
    expect(profile.data.threadsTotal).toBe(new Set(generated.map((m) => m.threadId)).size);
    const newest = generated.reduce((a, b) => (b.internalDate > a.internalDate ? b : a));
    const { data } = await h.gmail.users.messages.get({ userId: 'me', id: newest.id, format: 'metadata' });
    expect(data.internalDate).toBe(String(newest.internalDate));
    expect(data.payload?.headers).toEqual(newest.headers);
    const labels = await h.gmail.users.labels.list({ userId: 'me' });
    expect(labels.data.labels).toContainEqual(
      expect.objectContaining({ id: 'Label_1', name: 'Receipts', type: 'user' }),
    );
  });

  it('seeds real mail through the mail model: model threads, labels, undated mail at the seeding clock', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'emulator-seed-'));
    const message = (id: string, extra: string, subject: string) =>
      `From: Ann <ann@example.org>\r\nTo: user@example.com\r\nSubject: ${subject}\r\nMessage-ID: <${id}@example.org>\r\n${extra}\r\nBody of ${id}\r\n`;
    writeFileSync(join(folder, '1.eml'), message('one', 'Date: Mon, 4 May 2026 10:00:00 +0000\r\n', 'Plans'));
    writeFileSync(
      join(folder, '2.eml'),
      message(
        'two',
        'Date: Mon, 4 May 2026 11:00:00 +0000\r\nIn-Reply-To: <one@example.org>\r\n',
        'Re: Plans',
      ),
    );
    writeFileSync(join(folder, '3.eml'), message('three', '', 'Undated'));
    const seeded = await seedFromMail([folder], { now: START, identities: ['user@example.com'] });
    expect(seeded.messages).toHaveLength(3);
    const [undated] = seeded.messages.filter((m) => m.internalDate === START);
    expect(undated?.headers.find((x) => x.name === 'Subject')?.value).toBe('Undated');
    const plans = seeded.messages.filter((m) => m.internalDate !== START);
    expect(plans).toHaveLength(2);
    expect(plans[0]?.threadId).toBe(plans[1]?.threadId);
    expect(undated?.threadId).not.toBe(plans[0]?.threadId);

    h = await startHarness({ messages: seeded.messages });
    const { data } = await h.gmail.users.threads.get({
      userId: 'me',
      id: plans[0]!.threadId!,
      format: 'metadata',
    });
    expect(data.messages).toHaveLength(2);
    expect(data.messages?.[0]?.payload?.headers?.[0]).toEqual({
      name: 'From',
      value: 'Ann <ann@example.org>',
    });
  });
});
