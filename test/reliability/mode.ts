/**
 * Quick (CI, a few minutes on two cores) or full (the full sizes of each row, docs/reliability.md)
 * reliability runs, chosen by BRIEF_RELIABILITY=full. Every random draw starts from one base seed,
 * printed in the test names, so a failure reruns exactly with BRIEF_RELIABILITY_SEED=<seed>.
 */
export const FULL = process.env.BRIEF_RELIABILITY === 'full';
export const MODE = FULL ? 'full' : 'quick';

const seedOverride = Number(process.env.BRIEF_RELIABILITY_SEED);
export const BASE_SEED = Number.isInteger(seedOverride) && seedOverride > 0 ? seedOverride : 20_260_301;

/** A seed derived from the base one for the n-th trial of a row. */
export function trialSeed(row: number, trial: number): number {
  return (BASE_SEED + row * 1_000 + trial) >>> 0;
}

export const SIZES = {
  crash: { workerKills: FULL ? 20 : 5, processKills: FULL ? 3 : 1, messages: FULL ? 1200 : 600 },
  faults: { seeds: FULL ? 4 : 1, messages: FULL ? 800 : 300 },
  retries: { jobs: FULL ? 400 : 80 },
  isolation: { rounds: FULL ? 3 : 1 },
} as const;
