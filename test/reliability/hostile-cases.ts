/**
 * Reliability row "Hostile mail" (docs/reliability.md): the messages anyone can send that are past
 * a limit of what one stored message holds, each among ordinary mail, as an mbox to import or as
 * Gmail messages for the emulator. Each case says what the stored message must show and what its
 * report must say.
 */
import { expect } from 'vitest';
import type { CachedMessage } from '../../electron/engine/cache/message-row.ts';
import { generateMailbox, type Header, toRfc822 } from '../../electron/engine/mail/generator/index.ts';
import type { SeedMessage } from '../emulator/mailbox.ts';
import { seedFromSynthetic } from '../emulator/seed-synthetic.ts';

export const HOSTILE_ADDRESS = 'hostile@example.net';
export const ORDINARY = 66;
const HOSTILE_TIME = Date.UTC(2026, 10, 2, 9);

export interface HostileCase {
  name: string;
  /** Put in place of (or beside) the ordinary headers of the hostile message. */
  headers: Header[];
  /** What the stored message shows. */
  expectStored(message: CachedMessage): void;
  /** What its report says. */
  reason: RegExp;
}

const references = Array.from({ length: 12_000 }, (_, n) => `ref-${n}@example.net`);
/** About 5 MB of addresses on one unfolded line. */
const manyRecipients = Array.from({ length: 262_144 }, (_, n) => `r${n}@example.org`).join(', ');

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'a 1,000-character display name',
    headers: [{ name: 'From', value: `${'N'.repeat(1000)} <${HOSTILE_ADDRESS}>` }],
    expectStored: (message) => expect(message.fromName).toBe('N'.repeat(998)),
    reason: /the From display name \(1,000 characters\) cut to 998/,
  },
  {
    name: 'a 20,000-character Subject',
    headers: [{ name: 'Subject', value: 'S'.repeat(20_000) }],
    expectStored: (message) => expect(message.subject).toBe('S'.repeat(16_384)),
    reason: /the Subject \(20,000 characters\) cut to 16,384/,
  },
  {
    name: '12,000 References',
    headers: [{ name: 'References', value: references.map((id) => `<${id}>`).join(' ') }],
    expectStored: (message) => {
      // The thread's root and the newest ancestors: what threading reads.
      expect(message.references).toHaveLength(10_000);
      expect(message.references[0]).toBe(references[0]);
      expect(message.references.at(-1)).toBe(references.at(-1));
    },
    reason: /the References ids \(12,000\) cut to 10,000/,
  },
  {
    name: 'a 1,500-character Message-ID',
    headers: [{ name: 'Message-ID', value: `<${'m'.repeat(1488)}@example.net>` }],
    expectStored: (message) => expect(message.messageId).toBe('m'.repeat(998)),
    reason: /the Message-ID \(1,500 characters\) cut to 998/,
  },
  {
    name: 'a 5,000-character List-Unsubscribe',
    headers: [{ name: 'List-Unsubscribe', value: `<https://example.net/u/${'u'.repeat(4978)}>` }],
    expectStored: (message) => expect(message.unsubscribe).toBeNull(),
    reason: /the List-Unsubscribe link \(5,000 characters\) left out/,
  },
  {
    name: 'a 5 MB header line',
    headers: [{ name: 'To', value: manyRecipients }],
    expectStored: (message) => {
      expect(message.to).toHaveLength(10_000);
      expect(message.to[0]).toBe('r0@example.org');
    },
    // Read up to one address past the limit (mail/address-pieces.ts), never parsed whole.
    reason: /the To addresses \(10,001\) cut to 10,000/,
  },
];

/** An ordinary message from `<tag>@example.net` with the case's headers in place (the hostile one by default). */
export function hostileHeaders(hostile: HostileCase | null, tag = 'hostile'): Header[] {
  const headers: Header[] = [
    { name: 'From', value: `Some Sender <${tag}@example.net>` },
    { name: 'To', value: 'me@example.com' },
    { name: 'Subject', value: `A ${tag} message` },
    { name: 'Message-ID', value: `<${tag}@example.net>` },
    { name: 'Date', value: new Date(HOSTILE_TIME).toUTCString() },
  ];
  for (const header of hostile?.headers ?? []) {
    const index = headers.findIndex((h) => h.name === header.name);
    if (index === -1) headers.push(header);
    else headers[index] = header;
  }
  return headers;
}

function ordinaryOptions(seed: number) {
  return { seed, messages: ORDINARY, identities: ['me@example.com'], years: 1 };
}

function ordinaryMailbox(seed: number) {
  return [...generateMailbox(ordinaryOptions(seed))];
}

/**
 * An mbox of the ordinary messages with the hostile one in the middle; `body` replaces the hostile
 * message's body (a NUL byte, say). Returns the bytes and the byte offset of the hostile message.
 */
export function mboxWithHostile(
  seed: number,
  headers: Header[],
  options: { body?: string; first?: boolean } = {},
): { bytes: Buffer; offset: number } {
  const ordinary = ordinaryMailbox(seed).map(
    (message, n) =>
      `From ${n}@xxx Mon Nov 02 09:00:00 2026\n${toRfc822(message)
        .toString('latin1')
        .replace(/^(>*From )/gm, '>$1')}\n`,
  );
  const hostile = `From hostile@xxx Mon Nov 02 09:00:00 2026\n${headers.map((h) => `${h.name}: ${h.value}\n`).join('')}\n${options.body ?? 'Hello.\n'}\n`;
  const at = options.first ? 0 : ordinary.length / 2;
  const before = ordinary.slice(0, at).join('');
  const text = before + hostile + ordinary.slice(at).join('');
  return { bytes: Buffer.from(text, 'latin1'), offset: Buffer.byteLength(before, 'latin1') };
}

/** The ordinary messages as emulator seeds (ids, threads and labels as generated). */
export function ordinarySeeds(seed: number): SeedMessage[] {
  return [...seedFromSynthetic(ordinaryOptions(seed))];
}

export function hostileSeed(headers: Header[]): SeedMessage {
  return { labelIds: ['INBOX', 'UNREAD'], internalDate: HOSTILE_TIME, sizeEstimate: 4096, headers };
}

/** The stored message from the hostile address. */
export function storedHostile(messages: Iterable<CachedMessage>): CachedMessage | undefined {
  for (const message of messages) if (message.from === HOSTILE_ADDRESS) return message;
  return undefined;
}
