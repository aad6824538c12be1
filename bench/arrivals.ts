/**
 * The incremental rows' mailbox split in two: `count` messages picked at random (seeded) among
 * the newest `pool` arrive later; the rest is there from the start. Not simply the newest: the
 * generator ends its last replies at one instant, so those would be a dozen long threads, not a
 * morning's mail.
 */
import type { SeedMessage } from '../test/emulator/mailbox.ts';
import { seededRandom } from './measure.ts';

export interface HoldBack {
  count: number;
  pool: number;
  seed: number;
}

export function splitArrivals(
  messages: Iterable<SeedMessage>,
  holdBack: HoldBack,
): { before: SeedMessage[]; arriving: SeedMessage[] } {
  const all = [...messages];
  all.sort((a, b) => a.internalDate - b.internalDate);
  const random = seededRandom(holdBack.seed);
  const recent = all.length - holdBack.pool;
  const picked = new Set<number>();
  while (picked.size < holdBack.count) picked.add(recent + Math.floor(random() * holdBack.pool));
  return {
    before: all.filter((_, index) => !picked.has(index)),
    arriving: [...picked].sort((a, b) => a - b).map((index) => all[index]!),
  };
}
