/**
 * Computes batches of views (reports and Briefs) from a store: the work the report service hands
 * to the analytics worker (analytics-worker.ts, a read-only connection of its own) or, without
 * one, does on the engine's thread. Pure reads: what it returns is stored by the caller.
 *
 * Cost: the messages of an account set are loaded once per data version and kept (two sets at
 * most: an account and "all"), the next version brought up to date from them; within one batch
 * each account set and input is prepared once, and each view is that preparation seen through its
 * range (prepare.ts datasetForRange); a view with an identical input ("all" of one account is the
 * account itself) is computed once. The last preparation of each account set is kept across
 * batches too: the next batch brings it up to date for what the new version added
 * (dataset-patch.ts) instead of preparing the whole mailbox again, when the change allows.
 */
import type { Brief } from '../../../shared/brief-types.ts';
import type { RangeAnchor, WorkingHours } from '../../../shared/domain.ts';
import type { Report } from '../../../shared/report-types.ts';
import { briefOf } from '../analytics/brief/compute-brief.ts';
import {
  type AnalyticsMessage,
  type Dataset,
  datasetForRange,
  loadAnalyticsMessages,
  loadReportAccounts,
  patchedDataset,
  prepareDataset,
  type RangeSpec,
  type ReportInput,
  reportOf,
} from '../analytics/index.ts';
import type { Store } from '../db/store.ts';

/** One view of an account set: which figures, over which range. */
export interface ViewSpec {
  figures: 'report' | 'brief';
  range: RangeSpec;
  anchor?: RangeAnchor;
}

/** An account set as of one instant, and the views wanted of it. */
export interface ViewSet {
  ids: number[];
  /** The accounts' data versions (analytics-key.ts combinedDataVersion): a loaded set is reused while it holds. */
  version: string;
  timeZone: string;
  asOf: number;
  workingHours?: WorkingHours;
  countSpamTrash: boolean;
  threadsDerivedAsOf: number | null;
  views: ViewSpec[];
}

/**
 * A view as the cache stores it: JSON, written where it was computed, so a worker's result
 * crosses to the engine's thread as one string instead of an object graph to clone and write again.
 */
export interface ComputedView {
  json: string;
  /** How long the view took, its share of the preparation included. */
  ms: number;
  /** The anchor a report's range chose (an `auto` report is stored under it too); null for a Brief. */
  anchor: RangeAnchor | null;
}

const FIGURES = { report: reportOf, brief: briefOf } as const;

/** Told each view as soon as it is computed: the set's and the view's place in the batch. */
export type OnView = (set: number, view: number, computed: ComputedView) => void;

/** A set's input but the range: what one preparation depends on. */
function baseInput(set: ViewSet, messages: AnalyticsMessage[], store: Store): Omit<ReportInput, 'range'> {
  return {
    messages,
    accounts: loadReportAccounts(store, set.ids),
    timeZone: set.timeZone,
    asOf: set.asOf,
    ...(set.workingHours ? { workingHours: set.workingHours } : {}),
    countSpamTrash: set.countSpamTrash,
    threadsDerivedAsOf: set.threadsDerivedAsOf,
  };
}

export class ViewComputer {
  readonly #store: Store;
  /** The last set loaded per account list, with its data version: the next version starts from it. */
  readonly #loaded = new Map<string, { version: string; messages: AnalyticsMessage[] }>();
  /** The last preparation per account list (two at most), for the next batch to bring up to date. */
  readonly #kept = new Map<string, Dataset>();
  /** Snapshot writes put off until the batch's views are out. */
  readonly #pending: Array<() => void> = [];

  constructor(store: Store) {
    this.#store = store;
  }

  /** The views of each set, in the order asked; `onView` is told each as soon as it is computed. */
  compute(sets: readonly ViewSet[], onView: OnView = () => {}): ComputedView[][] {
    const prepared = new Map<string, { data: Dataset; views: Map<string, ComputedView> }>();
    return sets.map((set, setIndex) => {
      const messages = this.#messages(set.ids, set.version, (save) => this.#pending.push(save));
      const base = baseInput(set, messages, this.#store);
      const { messages: _messages, ...rest } = base;
      const key = `${set.version}|${JSON.stringify(rest)}`;
      return set.views.map((view, viewIndex) => {
        const computed = this.#view(prepared, key, set.ids.join(','), base, view);
        onView(setIndex, viewIndex, computed);
        return computed;
      });
    });
  }

  /**
   * Writes the column snapshots the last batch's loads put off (load.ts): a cost for the next
   * cold start's sake, kept off the way to the first views.
   */
  flush(): void {
    for (const save of this.#pending.splice(0)) save();
  }

  #view(
    prepared: Map<string, { data: Dataset; views: Map<string, ComputedView> }>,
    key: string,
    list: string,
    base: Omit<ReportInput, 'range'>,
    view: ViewSpec,
  ): ComputedView {
    const started = performance.now();
    let shared = prepared.get(key);
    if (!shared) {
      const first = view.anchor ? { range: view.range, anchor: view.anchor } : { range: view.range };
      shared = { data: this.#prepare(list, { ...base, ...first }), views: new Map() };
      prepared.set(key, shared);
    }
    const name = `${view.figures}|${view.range}|${view.anchor ?? ''}`;
    const done = shared.views.get(name);
    if (done) return done;
    const value: Report | Brief = FIGURES[view.figures](
      datasetForRange(shared.data, view.range, view.anchor),
    );
    const anchor = 'volume' in value ? value.range.anchor : null;
    const computed = { json: JSON.stringify(value), ms: performance.now() - started, anchor };
    shared.views.set(name, computed);
    return computed;
  }

  /** The input prepared: the account list's kept preparation brought up to date, else whole; kept for the next batch. */
  #prepare(list: string, input: ReportInput): Dataset {
    const kept = this.#kept.get(list);
    const patched = kept ? patchedDataset(kept, input) : { reason: 'nothing kept' };
    let data: Dataset;
    if ('data' in patched) data = patched.data;
    else {
      // Why a warming cost a whole preparation: the first thing to look at when one is slow.
      if (kept)
        this.#store.logger.debug('analytics prepared whole', { accounts: list, reason: patched.reason });
      data = prepareDataset(input);
    }
    this.#kept.delete(list);
    this.#kept.set(list, data);
    while (this.#kept.size > 2) this.#kept.delete(this.#kept.keys().next().value!);
    return data;
  }

  /**
   * The accounts' messages as of a data version: the set kept for that version, else the last set
   * of the same accounts brought up to date (only the rows changed since are read), else a new load.
   * Outside a batch (a drill-down) the snapshot is not written: the next batch writes it, and until
   * then the older one is brought up to date like any other.
   */
  messages(ids: number[], version: string): AnalyticsMessage[] {
    return this.#messages(ids, version, () => {});
  }

  #messages(ids: number[], version: string, saveLater: (save: () => void) => void): AnalyticsMessage[] {
    const list = ids.join(',');
    const kept = this.#loaded.get(list);
    if (kept?.version === version) return kept.messages;
    const messages = loadAnalyticsMessages(this.#store, ids, { previous: kept?.messages ?? null, saveLater });
    this.#loaded.delete(list);
    this.#loaded.set(list, { version, messages });
    // Two sets at most: one account and "all" while warming.
    while (this.#loaded.size > 2) this.#loaded.delete(this.#loaded.keys().next().value!);
    return messages;
  }
}
