/**
 * A job's metadata is read once, by its type's schema, when the job is claimed (jobs/job-metadata.ts):
 * executors get it typed. Stored metadata an executor cannot use fails the job with a sentence; a
 * sync cursor that no longer reads is dropped so the sync starts that part over.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJobMetadata } from '../../electron/engine/jobs/job-metadata.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';
import { openEngine, REPLY_WALK_PATHS, tempFolder } from './helpers.ts';

describe('job metadata per job type', () => {
  it("gives each executor its type's fields and keeps what it does not know", () => {
    expect(readJobMetadata(1, 'import_mail', { paths: ['/a.mbox'], summary: { read: 3 } })).toEqual({
      paths: ['/a.mbox'],
      summary: { read: 3 },
    });
    expect(
      readJobMetadata(2, 'compute_analytics', {
        view: { range: { preset: '30' }, timeZone: 'Europe/London' },
      }),
    ).toEqual({ view: { range: { preset: '30' }, timeZone: 'Europe/London' } });
    expect(readJobMetadata(3, 'cleanup', {})).toEqual({});
  });

  it('refuses metadata the executor cannot use, naming the job and the field', () => {
    expect(() => readJobMetadata(7, 'import_mail', { paths: 'inbox.mbox' })).toThrow(
      expect.objectContaining({
        code: 'UNSUPPORTED_INPUT',
        message: expect.stringMatching(/^Job 7 \(import_mail\) cannot be run: .*paths/),
      }),
    );
    expect(() => readJobMetadata(8, 'compute_analytics', { view: { range: { preset: 'forever' } } })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_INPUT' }),
    );
  });

  it('drops a sync cursor that no longer reads instead of failing the sync', () => {
    const stored = { fullSync: { mode: 'first', historyId: 42 }, history: 'p7', resync: true };
    expect(readJobMetadata(9, 'fetch_messages', stored)).toEqual({ resync: true });
  });

  it('a claimed import whose stored paths do not read fails with the sentence, and nothing is imported', async () => {
    const engine = openEngine();
    const job = await engine.call('import.start', { paths: REPLY_WALK_PATHS, account: 'me@example.com' });
    engineServicesForTests(engine)
      .store.db.prepare('UPDATE analytics_jobs SET metadata = ? WHERE id = ?')
      .run(JSON.stringify({ paths: [1, 2] }), job.id);
    await engine.runner.runUntilIdle();
    const failed = await engine.call('jobs.get', { jobId: job.id });
    // Not retried: the same row would not read the next time either.
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.error).toMatchObject({
      code: 'UNSUPPORTED_INPUT',
      message: expect.stringMatching(/cannot be run/),
    });
    expect((await engine.call('messages.stats', { accountId: job.accountId! })).count).toBe(0);
  });

  it('an import of 1,000 files in a deep folder completes: the paths do not count against the 64 KB', async () => {
    // 1,000 paths of ≈ 230 characters: ≈ 230 KB of paths, which the contract accepts.
    const folder = join(tempFolder(), 'a-folder-with-a-long-name-'.repeat(7));
    mkdirSync(folder, { recursive: true });
    const mail = readFileSync(REPLY_WALK_PATHS[1]!, 'utf8');
    const paths = Array.from({ length: 1000 }, (_, index) => {
      const path = join(folder, `sent-${String(index).padStart(4, '0')}.mbox`);
      writeFileSync(path, mail);
      return path;
    });
    const engine = openEngine();
    const job = await engine.call('import.start', { paths, account: 'me@example.com' });
    await engine.runner.runUntilIdle();
    const done = await engine.call('jobs.get', { jobId: job.id });
    expect(done).toMatchObject({ status: 'completed', attempts: 1, error: null });
    expect(done.metadata.paths).toHaveLength(1000);
    // Each file holds the same mail: one copy stored, the rest merged as duplicates.
    const perFile = (done.metadata.summary as { read: number }).read / 1000;
    expect(done.metadata.summary).toMatchObject({ read: perFile * 1000, imported: perFile });
  });
});
