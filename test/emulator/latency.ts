import { BriefError } from '../../shared/errors.ts';
import type { Random } from './random.ts';

/** Per-call latency in unscaled ms: fixed, or uniform between min and max. */
export type LatencyOptions = { fixedMs: number } | { minMs: number; maxMs: number };

/** Parses `0`, `80` or `50-150` (the CLI's `--latency`). */
export function parseLatency(spec: string): LatencyOptions {
  const range = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(spec.trim());
  if (range !== null) {
    const minMs = Number(range[1]);
    const maxMs = Number(range[2]);
    if (maxMs >= minMs) return { minMs, maxMs };
  }
  const fixed = Number(spec);
  if (spec.trim() !== '' && Number.isFinite(fixed) && fixed >= 0) return { fixedMs: fixed };
  throw new BriefError(
    'VALIDATION',
    `Latency "${spec}" is not understood; write a number of ms or min-max (50-150).`,
  );
}

export function sampleLatency(latency: LatencyOptions, random: Random, timeScale: number): number {
  const ms =
    'fixedMs' in latency ? latency.fixedMs : latency.minMs + random.next() * (latency.maxMs - latency.minMs);
  return ms / timeScale;
}

export function delay(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}
