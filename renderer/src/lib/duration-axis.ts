/**
 * A duration axis in one unit that fits its values: minutes for delays under two hours, hours up
 * to three days, days beyond — so a slow month reads "40 d", never "960 h" clipped at the edge.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DurationAxis {
  /** The unit's name on the axis title and ticks. */
  unit: 'min' | 'h' | 'd';
  /** Milliseconds per unit. */
  ms: number;
}

export function durationAxis(maxMs: number): DurationAxis {
  if (maxMs >= 3 * DAY) return { unit: 'd', ms: DAY };
  if (maxMs >= 2 * HOUR) return { unit: 'h', ms: HOUR };
  return { unit: 'min', ms: MINUTE };
}
