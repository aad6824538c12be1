import type { Random } from './random.ts';

const LOW_BITS = 0x100000;

/**
 * Gmail-like ids: the high 11 hex digits are the millisecond time, the low 5 a random tail, so
 * ids grow with time as Gmail's do. Messages come in time order and each id is made larger than
 * the one before, which makes them unique without remembering any.
 */
export class IdAllocator {
  private high = -1;
  private low = 0;
  private readonly random: Random;

  constructor(random: Random) {
    this.random = random;
  }

  next(time: number): string {
    let high = time;
    let low = this.random.int(LOW_BITS);
    if (high < this.high || (high === this.high && low <= this.low)) {
      high = this.high;
      low = this.low + 1;
      if (low === LOW_BITS) {
        high += 1;
        low = 0;
      }
    }
    this.high = high;
    this.low = low;
    return high.toString(16).padStart(11, '0') + low.toString(16).padStart(5, '0');
  }
}
