/**
 * Reliability row "Hostile mail" (docs/reliability.md), the files themselves: a 3 GB single message
 * in a .gz (read with bounded memory, or cancelled while it is read: the job stops and the next one
 * runs), a zip bomb (refused before anything is unpacked), a FIFO named .zip (refused before it is
 * opened), and the temporary folders archives are unpacked to (private, removed on every exit, a
 * killed run's removed at the next start, a full temporary disk is STORAGE_FULL).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../electron/engine/engine.ts';
import { expandInputs } from '../../electron/engine/sources/import/expand-inputs.ts';
import type { ImportSummary } from '../../electron/engine/sources/import/import-executor.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import type { Job } from '../../shared/domain.ts';
import { openEngine, tempFolder } from '../engine/helpers.ts';
import { zipStored } from '../engine/zip-writer.ts';
import { writeGiantMessageGzip, zipBomb } from './hostile-archives.ts';
import { hostileHeaders, mboxWithHostile, ORDINARY } from './hostile-cases.ts';
import { FULL, MODE, trialSeed } from './mode.ts';

const SEED = trialSeed(12, 0);
const GiB = 1024 ** 3;
/** The giant message read to its end: 3 GB in the full run; in the quick one just past the 64 MB cap. */
const GIANT_BYTES = FULL ? 3 * GiB : 96 * 1024 ** 2;

/** Bytes this process has written (Linux): what "without writing GiBs" is measured by. */
function bytesWritten(): number {
  return Number(/^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))![1]);
}

/** Unpacking folders of this process still in the temporary folder. */
function ownTempFolders(pid = process.pid): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith(`brief-zip-${pid}-`));
}

async function importJob(engine: Engine, paths: string[], account = 'me@example.com'): Promise<Job> {
  const started = await engine.call('import.start', { paths, account });
  await engine.runner.runUntilIdle();
  return engine.call('jobs.get', { jobId: started.id });
}

function ordinaryMbox(folder: string): string {
  const file = join(folder, 'ordinary.mbox');
  writeFileSync(file, mboxWithHostile(SEED, hostileHeaders(null, 'plain')).bytes);
  return file;
}

describe(`hostile files by import (${MODE})`, () => {
  it(`a ${GIANT_BYTES / 1024 ** 2} MB single message in a .gz: its headers stored, the rest read past, the message after it stored`, async () => {
    const folder = tempFolder('brief-hostile-gz-');
    const file = join(folder, 'giant.mbox.gz');
    writeGiantMessageGzip(file, GIANT_BYTES);
    const engine = openEngine();
    const job = await importJob(engine, [file]);
    expect(job.status, JSON.stringify(job.error)).toBe('completed');
    const summary = job.metadata.summary as ImportSummary;
    expect(summary).toMatchObject({ read: 2, imported: 2, skipped: 0, shortened: 1 });
    expect(summary.shortenedSamples[0]).toEqual({
      file,
      offset: 0,
      reason: expect.stringMatching(/only the first 64 MB of its [\d,]+ bytes read/),
    });
    const stored = [
      ...engineServicesForTests(engine).messages.iterateMessages({ accountId: job.accountId! }),
    ];
    expect(stored.map((message) => message.subject).sort()).toEqual(['A giant message', 'After the giant']);
    expect(stored.find((message) => message.subject === 'A giant message')!.size).toBeGreaterThan(
      GIANT_BYTES,
    );
  });

  it('cancelled while reading a 3 GB single message in a zipped .gz: the job ends cancelled, little of it read, the next job runs, nothing left unpacked', async () => {
    const folder = tempFolder('brief-hostile-cancel-');
    const gz = join(folder, 'giant.mbox.gz');
    const gzBytes = writeGiantMessageGzip(gz, 3 * GiB);
    const zip = join(folder, 'takeout.zip');
    writeFileSync(zip, zipStored([{ name: 'Takeout/Mail/giant.mbox.gz', data: readFileSync(gz) }]));
    const engine = openEngine({ heartbeatMs: 20 });
    const giant = await engine.call('import.start', { paths: [zip], account: 'me@example.com' });
    const next = await engine.call('import.start', {
      paths: [ordinaryMbox(folder)],
      account: 'other@example.com',
    });
    let readMost = 0;
    engine.on('job-progress', (progress) => {
      if (progress.jobId !== giant.id || progress.current === 0) return;
      readMost = Math.max(readMost, progress.current);
      // Reading has begun inside the giant message: cancel it there.
      if (engineServicesForTests(engine).jobs.getJob(giant.id).status === 'processing')
        engineServicesForTests(engine).jobs.cancelJob(giant.id);
    });
    await engine.runner.runUntilIdle();
    expect(engineServicesForTests(engine).jobs.getJob(giant.id).status).toBe('cancelled');
    expect(readMost).toBeGreaterThan(0);
    // Bytes of the file read (progress counts compressed bytes): the reader stopped near where it was.
    expect(readMost).toBeLessThan(gzBytes / 4);
    const after = engineServicesForTests(engine).jobs.getJob(next.id);
    expect(after.status, JSON.stringify(after.error)).toBe('completed');
    expect((after.metadata.summary as ImportSummary).imported).toBe(ORDINARY + 1);
    expect(ownTempFolders()).toEqual([]);
  });

  it('a 2 MB zip holding two 1 GiB entries is refused as a zip bomb before anything is unpacked', async () => {
    const zip = join(tempFolder('brief-hostile-bomb-'), 'bomb.zip');
    writeFileSync(zip, zipBomb());
    expect(statSync(zip).size).toBeLessThan(3 * 1024 ** 2);
    const written = bytesWritten();
    const job = await importJob(openEngine(), [zip]);
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.error).toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: expect.stringMatching(/zip bomb/),
    });
    expect(bytesWritten() - written).toBeLessThan(64 * 1024 ** 2);
    expect(ownTempFolders()).toEqual([]);
  });

  it('a FIFO named .zip is refused before it is opened', async () => {
    const fifo = join(tempFolder('brief-hostile-fifo-'), 'takeout.zip');
    execFileSync('mkfifo', [fifo]);
    const job = await importJob(openEngine(), [fifo]);
    expect(job.status).toBe('failed');
    expect(job.attempts).toBe(1);
    expect(job.error).toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: expect.stringMatching(/not a regular file/),
    });
  });
});

describe('temporary folders for archives', () => {
  it('are private (0700, files 0600), named after the process, and removed when the import ends', async () => {
    const folder = tempFolder('brief-hostile-zip-');
    const zip = join(folder, 'takeout.zip');
    writeFileSync(
      zip,
      zipStored([{ name: 'Takeout/Mail/inbox.mbox', data: readFileSync(ordinaryMbox(folder)) }]),
    );
    const expanded = await expandInputs([zip]);
    const [unpacked] = expanded.paths;
    expect(ownTempFolders()).toHaveLength(1);
    expect(statSync(unpacked!).mode & 0o777).toBe(0o700);
    expect(statSync(join(unpacked!, 'Takeout', 'Mail')).mode & 0o777).toBe(0o700);
    expect(statSync(join(unpacked!, 'Takeout', 'Mail', 'inbox.mbox')).mode & 0o777).toBe(0o600);
    expanded.dispose();
    expect(existsSync(unpacked!)).toBe(false);
    const job = await importJob(openEngine(), [zip]);
    expect(job.status, JSON.stringify(job.error)).toBe('completed');
    expect(ownTempFolders()).toEqual([]);
  });

  it("a killed run's folders are removed at the next start; a running process's are kept", () => {
    // Above Linux's PID_MAX_LIMIT (2^22) and macOS's 99,999: no process can run under it. A child
    // that just exited was used before, but its number can be taken again at once on a busy machine.
    const dead = 4_194_305;
    const stale = join(tmpdir(), `brief-zip-${dead}-stale01`);
    const live = join(tmpdir(), `brief-zip-${process.ppid}-live01`);
    for (const path of [stale, live]) {
      mkdirSync(join(path, 'Takeout'), { recursive: true, mode: 0o700 });
      writeFileSync(join(path, 'Takeout', 'inbox.mbox'), 'From x\n');
    }
    try {
      openEngine();
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(live)).toBe(true);
    } finally {
      rmSync(stale, { recursive: true, force: true });
      rmSync(live, { recursive: true, force: true });
    }
  });

  it('a full temporary disk is STORAGE_FULL with a sentence, and the partial folder is removed', () => {
    const folder = tempFolder('brief-hostile-full-');
    const zip = join(folder, 'takeout.zip');
    writeFileSync(
      zip,
      zipStored([{ name: 'Takeout/Mail/inbox.mbox', data: Buffer.alloc(8 * 1024 ** 2, 'a') }]),
    );
    // A file size limit of 2 MB makes the write fail as a full disk does (EFBIG, like ENOSPC).
    const child = spawnSync(
      'bash',
      [
        '-c',
        'ulimit -f 2048 && exec "$0" "$@"',
        process.execPath,
        join(import.meta.dirname, 'expand-child.ts'),
        zip,
      ],
      { encoding: 'utf8' },
    );
    expect(child.status, child.stderr).toBe(0);
    const answer = JSON.parse(child.stdout) as { code: string; message: string; pid: number };
    expect(answer.code).toBe('STORAGE_FULL');
    expect(answer.message).toMatch(/not enough room in the temporary folder .* Free some space/);
    expect(ownTempFolders(answer.pid)).toEqual([]);
  });
});
