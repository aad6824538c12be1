/**
 * What every row group shares in one run: the mode, the scratch folder (removed at the end), the
 * shared corpora when present, and generated databases built once and reused by several rows.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine } from '../electron/engine/engine.ts';
import { writeMbox } from '../electron/engine/mail/generator/index.ts';
import { engineServicesForTests } from '../electron/engine/testing.ts';
import { timed } from './measure.ts';
import { wantsFigure } from './row.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPORA = resolve(ROOT, '..', 'shared', 'corpora');
const ENRON_USERS = ['allen-p', 'beck-s', 'farmer-d', 'lavorato-j'] as const;
export const CORPORA_ABSENT = `corpora absent: ${CORPORA} not found`;

export const GENERATED_ADDRESS = 'me@example.com';
/** Generated mail ends an hour before the run, so the 7- and 30-day presets have mail in them. */
const GENERATED_END = Date.now() - 3600_000;

export interface GeneratedDb {
  path: string;
  accountId: number;
  messages: number;
  mboxBytes: number;
  importMs: number;
}

export function generatorOptions(seed: number, messages: number, address = GENERATED_ADDRESS) {
  return { seed, messages, identities: [address], end: GENERATED_END, years: 3 };
}

export class BenchContext {
  readonly quick: boolean;
  /** `--only <text>`: the figures this run reports (null: all of them). */
  readonly only: string | null;
  readonly corpora: string | null;
  readonly #runFolder: string;
  readonly #databases = new Map<number, Promise<GeneratedDb>>();

  constructor(options: { quick: boolean; only?: string | null }) {
    this.quick = options.quick;
    this.only = options.only ?? null;
    this.corpora = existsSync(join(CORPORA, 'README.md')) ? CORPORA : null;
    this.#runFolder = mkdtempSync(join(tmpdir(), 'brief-bench-'));
  }

  /**
   * Whether this run reports the figure (see wantsFigure): a group whose rows each take minutes
   * (sync) skips the ones `--only` leaves out instead of measuring and dropping them.
   */
  wants(figure: string): boolean {
    return wantsFigure(figure, this.only);
  }

  /** A new empty folder inside this run's scratch folder. */
  scratch(name: string): string {
    const folder = join(this.#runFolder, name);
    mkdirSync(folder, { recursive: true });
    return mkdtempSync(join(folder, 'run-'));
  }

  /** The Enron user folders this run reads: all four, or allen-p alone with --quick; null without corpora. */
  enronUsers(options: { all?: boolean } = {}): string[] | null {
    if (this.corpora === null) return null;
    const users = this.quick && !options.all ? ENRON_USERS.slice(0, 1) : ENRON_USERS;
    return users.map((user) => join(this.corpora!, 'enron', user));
  }

  enronUser(user: (typeof ENRON_USERS)[number]): string | null {
    return this.corpora === null ? null : join(this.corpora, 'enron', user);
  }

  /**
   * A database holding one account of `messages` generated messages, imported end to end (a
   * generated mbox through `import.start`), built once per size and shared by the rows that read it.
   */
  generatedDb(messages: number): Promise<GeneratedDb> {
    let built = this.#databases.get(messages);
    if (!built) {
      built = this.#buildGeneratedDb(messages);
      this.#databases.set(messages, built);
    }
    return built;
  }

  async #buildGeneratedDb(messages: number): Promise<GeneratedDb> {
    const folder = this.scratch(`generated-${messages}`);
    const mbox = join(folder, 'mailbox.mbox');
    await writeMbox(mbox, generatorOptions(1, messages));
    const path = join(folder, 'brief.db');
    const engine = Engine.open({ databasePath: path });
    try {
      const { result: job, ms: importMs } = await timed(async () => {
        const started = await engine.call('import.start', { paths: [mbox], account: GENERATED_ADDRESS });
        await engine.runner.runUntilIdle();
        return engineServicesForTests(engine).jobs.getJob(started.id);
      });
      if (job.status !== 'completed') {
        throw new Error(`the generated import ended ${job.status}: ${job.error?.message ?? 'no error'}`);
      }
      const mboxBytes = statSync(mbox).size;
      rmSync(mbox);
      return { path, accountId: job.accountId!, messages, mboxBytes, importMs };
    } finally {
      await engine.close();
    }
  }

  cleanup(): void {
    rmSync(this.#runFolder, { recursive: true, force: true });
  }
}
