/** One line of the benchmark's table, and a group of lines measured together. */
import type { BenchContext } from './context.ts';

export interface Row {
  figure: string;
  /** The measured value with its unit, or why it was not measured. */
  value: string;
  target: string;
  pass: boolean;
  /** Exactly what was measured, in one line. */
  protocol: string;
}

export interface RowGroup {
  name: string;
  /** The figures this group reports, so `--only` can pick groups without running them. */
  figures: readonly string[];
  run(context: BenchContext): Promise<Row[]>;
}

/** A row that could not be measured on this machine or in this run: never a pass. */
export function notMeasured(figure: string, target: string, reason: string, protocol: string): Row {
  return { figure, value: `not measured (${reason})`, target, pass: false, protocol };
}

export function matchesOnly(text: string, only: string | null): boolean {
  return only === null || text.toLowerCase().includes(only.toLowerCase());
}

/**
 * Whether `--only` asks for a figure named `figure` or one whose name starts with it ("Sync
 * throughput" for "Sync throughput (legacy)", "Incremental sync" for "Incremental sync, 100,000
 * stored"), so a group can skip the rows nobody asked for.
 */
export function wantsFigure(figure: string, only: string | null): boolean {
  return matchesOnly(figure, only) || only!.toLowerCase().startsWith(figure.toLowerCase());
}
