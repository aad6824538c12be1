/** The logging surface the store and its services write to: the engine's one Logger (log.ts). */
import type { Logger } from '../log.ts';

export type { Logger };

export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
