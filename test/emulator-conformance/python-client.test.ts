/**
 * The conformance suite's second client: Google's Python client (google-api-python-client,
 * google-auth) from the virtual environment `.venv/` (`bash .ci/python-env.sh` creates it), run
 * against an emulator started here. Under CI a missing environment fails the suite; on a
 * developer's machine without it the test is skipped with the command that creates it.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../emulator/clock.ts';
import { startEmulator } from '../emulator/server.ts';
import { ROOT } from '../paths.ts';
import { READONLY, START, smallMailbox } from './fixtures.ts';

const PYTHON = join(ROOT, '.venv', 'bin', 'python');
const FOLDER = join(ROOT, 'test', 'emulator-conformance', 'python');
const CREATE = 'bash .ci/python-env.sh';
const present = existsSync(PYTHON);

const G = 'https://www.googleapis.com/auth/';

function runPython(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-m', 'unittest', '-v', 'test_gmail_client'], {
      cwd: FOLDER,
      env: { ...process.env, ...env, PYTHONDONTWRITEBYTECODE: '1', PYTHONWARNINGS: 'ignore' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe("Google's Python client against the emulator", () => {
  // Skipped only on a developer's machine without the virtual environment, and the name says so;
  // under CI=true a missing one fails the test instead.
  const underCi = process.env.CI === 'true';
  it.skipIf(!present && !underCi)(
    `lists, gets every format, threads, history after writes, batches, refresh and revocation${present || underCi ? '' : ` (skipped: no .venv; create it with \`${CREATE}\`)`}`,
    async () => {
      if (!present) expect.fail(`${PYTHON} is missing; .ci/run creates it with \`${CREATE}\`.`);
      const clock = createManualClock(START);
      const emulator = await startEmulator({
        clock,
        profile: 'legacy',
        messages: smallMailbox(120),
        seed: 11,
      });
      try {
        const grant = (scope: string) => ({ ...emulator.issueTokens(scope), scope });
        // A grant issued now and outlived by the clock: the client must refresh it.
        const expired = grant(READONLY);
        clock.advance(3_600_000);
        const tokens = {
          metadata: grant(`${G}gmail.metadata`),
          readonly: grant(READONLY),
          modify: grant(`${G}gmail.modify`),
          full: grant('https://mail.google.com/'),
          expired,
          toRevoke: grant(READONLY),
          toRevokeLegacy: grant(READONLY),
        };
        const { code, output } = await runPython({
          GMAIL_EMULATOR: JSON.stringify({
            url: emulator.url,
            user: emulator.user,
            clientId: emulator.clientId,
            clientSecret: emulator.clientSecret,
            tokens,
          }),
        });
        expect(output, output).toMatch(/^OK$/m);
        expect(code, output).toBe(0);
        expect(Number(/^Ran (\d+) tests?/m.exec(output)?.[1])).toBe(13);
      } finally {
        await emulator.close();
      }
    },
    60_000,
  );
});
