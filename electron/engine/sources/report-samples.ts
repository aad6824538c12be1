/**
 * A count and the first entries of something a job reports (messages skipped, messages stored
 * cut), bounded in number and in bytes: the report is kept in the job's metadata, which holds at
 * most 64 KB, and a job whose report did not fit could never complete.
 */
const MAX_TEXT = 512;

export interface ReportList<T> {
  count: number;
  samples: T[];
}

export class ReportSamples<T extends Record<string, string | number | null>> {
  count = 0;
  readonly samples: T[] = [];
  #bytes = 0;
  #full = false;
  readonly #maxSamples: number;
  readonly #maxBytes: number;

  constructor(maxSamples: number, maxBytes: number) {
    this.#maxSamples = maxSamples;
    this.#maxBytes = maxBytes;
  }

  /** Continues a list saved by an earlier attempt of the same job. */
  restore(saved: ReportList<T> | undefined): void {
    if (saved === undefined || !Array.isArray(saved.samples) || typeof saved.count !== 'number') return;
    for (const sample of saved.samples) this.add(sample);
    this.count = Math.max(this.count, saved.count);
    this.#full ||= this.count > this.samples.length;
  }

  toJSON(): ReportList<T> {
    return { count: this.count, samples: this.samples };
  }

  add(sample: T): void {
    this.count += 1;
    if (this.#full) return;
    const kept = Object.fromEntries(
      Object.entries(sample).map(([key, value]) => [key, typeof value === 'string' ? shorten(value) : value]),
    ) as T;
    const bytes = Buffer.byteLength(JSON.stringify(kept)) + 1;
    // The first ones, in order: once one does not fit, none after it is kept either.
    if (this.samples.length >= this.#maxSamples || this.#bytes + bytes > this.#maxBytes) {
      this.#full = true;
      return;
    }
    this.samples.push(kept);
    this.#bytes += bytes;
  }
}

function shorten(text: string): string {
  return text.length <= MAX_TEXT ? text : `${text.slice(0, MAX_TEXT - 1)}…`;
}
