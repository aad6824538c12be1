import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateMailbox, toRfc822 } from '../../electron/engine/mail/generator/index.ts';
import { BriefError } from '../../shared/errors.ts';
import { collect } from './helpers.ts';

function digest(seed: number, messages: number): string {
  const hash = createHash('sha256');
  for (const message of generateMailbox({ seed, messages })) hash.update(toRfc822(message));
  return hash.digest('hex');
}

describe('generateMailbox: determinism and shape', () => {
  it('gives byte-identical output for the same seed and different output for another seed', () => {
    expect(digest(7, 1500)).toBe(digest(7, 1500));
    expect(digest(8, 1500)).not.toBe(digest(7, 1500));
  });

  it('yields exactly the number of messages asked for', () => {
    for (const n of [0, 1, 2, 7, 100, 2345]) expect(collect({ seed: 3, messages: n })).toHaveLength(n);
  });

  it('gives unique 16-hex ids, in time order, within the span, with thread ids that name the thread’s first message', () => {
    const end = Date.UTC(2025, 5, 30, 18, 0, 0);
    const messages = collect({ seed: 11, messages: 4000, end, years: 2 });
    const ids = new Set<string>();
    const firstOfThread = new Map<string, string>();
    let previous = Number.NEGATIVE_INFINITY;
    for (const message of messages) {
      expect(message.id).toMatch(/^[0-9a-f]{16}$/);
      expect(message.threadId).toMatch(/^[0-9a-f]{16}$/);
      ids.add(message.id);
      if (!firstOfThread.has(message.threadId)) firstOfThread.set(message.threadId, message.id);
      expect(message.internalDate).toBeGreaterThanOrEqual(previous);
      previous = message.internalDate;
    }
    expect(ids.size).toBe(messages.length);
    for (const [threadId, first] of firstOfThread) expect(first).toBe(threadId);
    expect(messages.at(-1)!.internalDate).toBeLessThanOrEqual(end);
    expect(messages.at(-1)!.internalDate).toBeGreaterThan(end - 7 * 86_400_000);
    expect(messages[0]!.internalDate).toBeGreaterThanOrEqual(end - 2 * 365.25 * 86_400_000);
    expect(messages[0]!.internalDate).toBeLessThan(end - 1.9 * 365.25 * 86_400_000);
  });

  it('sets sizeEstimate to the RFC 822 byte length without the Takeout-only lines', () => {
    for (const message of collect({ seed: 5, messages: 300 })) {
      const raw = toRfc822(message).toString('latin1');
      const takeout = raw.split('\n').slice(0, 2).join('\n').length + 1;
      expect(raw.startsWith('X-GM-THRID: ')).toBe(true);
      expect(message.sizeEstimate).toBe(raw.length - takeout);
    }
  });

  it('refuses options it cannot honour with a VALIDATION error', () => {
    const bad = [
      { seed: 1.5, messages: 10 },
      { seed: 1, messages: -1 },
      { seed: 1, messages: 10, years: 0 },
      { seed: 1, messages: 10, identities: ['not an address'] },
      { seed: 1, messages: 10, timeZone: 'Mars/Olympus_Mons' },
    ];
    for (const options of bad) {
      let caught: unknown;
      try {
        collect(options);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(BriefError);
      expect((caught as BriefError).code).toBe('VALIDATION');
    }
  });
});
