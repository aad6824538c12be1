import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

const CLI = join(ROOT, 'test', 'emulator', 'cli.ts');

function run(
  args: string[],
  untilFirstLine = false,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (untilFirstLine && stdout.includes('\n')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the emulator command line', () => {
  it('--help prints the usage and exits 0', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: node test\/emulator\/cli\.ts/);
    expect(stdout).toContain('--history-horizon');
    expect(stdout).toContain('--hammer-penalty-ms');
  });

  it('refuses a seed path that does not exist, with a sentence, before listening', async () => {
    const { code, stdout, stderr } = await run(['--seed', 'mbox:/missing']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('--seed mbox:/missing: there is no file or folder at /missing');
  });

  it('refuses an unknown option with exit 2 and a pointer to --help', async () => {
    const { code, stderr } = await run(['--colour', 'blue']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'emulator: unknown option --colour. Run `npm run emulator -- --help` for the options.\n',
    );
  });

  it('starts and prints its url and credentials as the first line', async () => {
    const { stdout } = await run(['--seed', 'synthetic:50', '--hammer-allowance', '5'], true);
    const first = JSON.parse(stdout.split('\n')[0]!) as { url: string; accessToken: string };
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.accessToken).toMatch(/^ya29\./);
  });
});
