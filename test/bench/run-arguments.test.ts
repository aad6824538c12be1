/**
 * `npm run bench -- --help` prints the usage and exits 0 before measuring anything; a wrong option
 * is one sentence with the nearest right one and exit 2, as `npm run emulator` and `brief` answer.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';
import { toolArgumentError } from '../tool-args.ts';

function bench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench', 'run.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the benchmark command line', () => {
  it('--help prints the usage and exits 0', async () => {
    const run = await bench(['--help']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^Usage: node bench\/run\.ts \[options\] {3}\(or: npm run bench -- \[options\]\)\n/,
    );
    for (const option of ['--quick', '--json', '--only <text>', '-h, --help'])
      expect(run.stdout).toContain(option);
  });

  it('refuses a mistyped option with the nearest one', async () => {
    expect(await bench(['--quik'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'bench: unknown option --quik: did you mean --quick? Run `npm run bench -- --help` for the options.\n',
    });
  });

  it('says a missing value, a switch given one and a stray word in the same words', () => {
    const tool = { name: 'bench', usage: '' };
    const options = { quick: { type: 'boolean' }, only: { type: 'string' } } as const;
    const refusal = (args: string[]) => {
      try {
        parseArgs({ args, options });
      } catch (error) {
        return toolArgumentError(tool, options, error);
      }
      throw new Error(`parseArgs took ${args.join(' ')}`);
    };
    const hint = 'Run `npm run bench -- --help` for the options.';
    expect(refusal(['--only'])).toBe(`bench: --only needs a value. ${hint}`);
    expect(refusal(['--quick=yes'])).toBe(`bench: --quick takes no value. ${hint}`);
    expect(refusal(['fast'])).toBe(`bench takes only options (got "fast"). ${hint}`);
  });
});
