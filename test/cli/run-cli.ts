/** Runs `brief` in-process (electron/cli/brief.ts `main`) and captures what it prints. */
import { join } from 'node:path';
import { expect, vi } from 'vitest';
import { main } from '../../electron/cli/brief.ts';
import { EXPECTED } from '../paths.ts';

export const REPLY_WALK = join(EXPECTED, 'cases', '01-reply-walk');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** Imports case 01 (reply walk) of the expected-report cases into a database as me@example.com. */
export async function importReplyWalk(databasePath: string): Promise<CliRun> {
  const imported = await runCli([
    'import',
    join(REPLY_WALK, 'inbox.mbox'),
    join(REPLY_WALK, 'sent.mbox'),
    '--db',
    databasePath,
    '--account',
    'me@example.com',
  ]);
  expect(imported.code, imported.stderr).toBe(0);
  return imported;
}
