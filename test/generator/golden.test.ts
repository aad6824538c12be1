/**
 * A golden digest pins what the generator writes: the demo, the emulator's synthetic seeds, the
 * benchmark and many tests read its mailboxes, and a change to its output moves their figures. A
 * change that means to alter the output updates these digests in the same commit (and says why);
 * one that did not mean to fails here first.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateMailbox, gmailMetadataOf, toRfc822 } from '../../electron/engine/mail/generator/index.ts';

const OPTIONS = {
  seed: 360,
  messages: 3000,
  // Fixed, so the output does not follow the clock.
  end: Date.UTC(2026, 0, 31, 18),
  years: 2,
  identities: ['me@example.com', 'me@work.example'],
};

describe('the generator, pinned', () => {
  it('writes the same 3,000 messages, as RFC 822 bytes and as Gmail metadata, as when the digests were taken', () => {
    const raw = createHash('sha256');
    const metadata = createHash('sha256');
    for (const message of generateMailbox(OPTIONS)) {
      raw.update(toRfc822(message));
      metadata.update(JSON.stringify(gmailMetadataOf(message)));
    }
    expect(raw.digest('hex')).toBe('2c3c2bff8ff1983afbe8a1c586d7e7627181d5501909b230894684004476849d');
    expect(metadata.digest('hex')).toBe('c87b06c55cef65252f716a0b4d938aec4403d69ac4a3503bbadd2bd39e4f1d64');
  });
});
