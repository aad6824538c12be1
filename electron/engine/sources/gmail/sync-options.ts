/**
 * How a Gmail sync is tuned and where it talks to. The app uses the defaults (Google's endpoint,
 * real time); the CLI, tests and the benchmark point it at the emulator and may scale time.
 */
import { realSleep, type Sleep } from './cancellation.ts';

export const GOOGLE_GMAIL_ROOT_URL = 'https://gmail.googleapis.com/';

export interface GmailSyncOptions {
  /** With a trailing slash. */
  rootUrl: string;
  /** Divides every wait the engine decides itself (refill, backoff); the emulator's time scale. */
  timeScale: number;
  now: () => number;
  sleep: Sleep;
  /** Fraction of the per-minute ceiling one quota window may spend. */
  quotaMargin: number;
  /** Fraction of the ceiling spendable at once (a window's head start, and the largest batch). */
  burstFraction: number;
  /** Requests in flight per account, under Gmail's per-user limit of 50. */
  maxInFlight: number;
  batchesInFlight: number;
  /** Tries per call inside one job attempt. */
  callTries: number;
  /** Shortest time between two re-derivations while a sync stores batches (the first is immediate). */
  rederiveIntervalMs: number;
}

export const DEFAULT_SYNC_OPTIONS: Omit<GmailSyncOptions, 'now'> = {
  rootUrl: GOOGLE_GMAIL_ROOT_URL,
  timeScale: 1,
  sleep: realSleep,
  quotaMargin: 0.99,
  burstFraction: 0.03,
  maxInFlight: 40,
  batchesInFlight: 4,
  callTries: 8,
  rederiveIntervalMs: 2000,
};

/**
 * `BRIEF_GMAIL_ROOT_URL` and `BRIEF_SYNC_TIME_SCALE`, which point a run at the emulator. Read by the
 * edges only (the CLI, a development run of the app), which pass the result in as options: the
 * engine itself never reads the environment for where Gmail is, so a packaged app cannot be sent
 * elsewhere with its users' access tokens by a variable.
 */
export function syncOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<GmailSyncOptions> {
  const options: Partial<GmailSyncOptions> = {};
  const root = env.BRIEF_GMAIL_ROOT_URL;
  if (root !== undefined && root !== '') options.rootUrl = root.endsWith('/') ? root : `${root}/`;
  const scale = Number(env.BRIEF_SYNC_TIME_SCALE);
  if (Number.isFinite(scale) && scale > 0) options.timeScale = scale;
  return options;
}
