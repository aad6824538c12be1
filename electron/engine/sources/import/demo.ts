/**
 * The demo: a generated mailbox written as a Takeout-style mbox, then imported through the same
 * import job as real mail, so the app and the CLI show a full dashboard with no setup.
 *
 * The mbox lives only while an attempt of the job runs: written with exclusive create (0600) into
 * a private folder of its own (mkdtemp, 0700), read, and removed with its folder however the
 * attempt ends; a folder left by a process that was killed is removed by the next demo job. A
 * shared fixed path would follow a symlink someone planted there and overwrite
 * whatever it points to. The job keeps what makes the mailbox (seed, size, newest date), so a
 * retry writes the very same one again.
 */
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineServices } from '../../engine.ts';
import { writeMbox } from '../../mail/generator/index.ts';
import type { JobExecutor } from '../../runner/job-runner.ts';
import type { DemoMailbox } from './import-metadata.ts';
import { makeTempFolder, removeStaleTempFolders } from './temp-folders.ts';

export const DEMO_ADDRESS = 'alex@example.com';
export const DEMO_ALIASES = ['alex.morgan@example.org'];
export const DEMO_NAME = 'Alex Morgan';

/** What the demo job's metadata says to generate: newest mail an hour ago, so "today" has some. */
export function demoMailbox(
  services: EngineServices,
  options: { messages: number; seed: number },
): DemoMailbox {
  return { ...options, end: services.clock() - 3600_000 };
}

/**
 * The `import_mail` executor, for a demo job (metadata `demo`) first writing its mailbox to a
 * private temporary folder that is removed when the attempt ends.
 */
export function withDemoMailbox(importMail: JobExecutor<'import_mail'>): JobExecutor<'import_mail'> {
  return async (context) => {
    const { demo } = context.metadata;
    if (demo === undefined) return importMail(context);
    // A run killed mid-attempt (SIGKILL, power) could not remove its folder: the next one does.
    removeStaleTempFolders(tmpdir(), ['demo']);
    const folder = makeTempFolder(tmpdir(), 'demo');
    try {
      const path = join(folder, 'demo.mbox');
      await writeMbox(
        path,
        {
          seed: demo.seed,
          messages: demo.messages,
          identities: [DEMO_ADDRESS, ...DEMO_ALIASES],
          userName: DEMO_NAME,
          end: demo.end,
          years: 2,
        },
        { exclusive: true },
      );
      return await importMail({ ...context, metadata: { ...context.metadata, paths: [path] } });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };
}
