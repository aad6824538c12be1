import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { corporaGate, ROOT } from '../paths.ts';

/**
 * Fails a CI run without the corpora (test/paths.ts), then builds once when the bundle the bridge
 * serves (or the CLI that serves it) is missing.
 */
export default function globalSetup(): void {
  corporaGate(process.env);
  const needed = [join(ROOT, 'out', 'renderer', 'index.html'), join(ROOT, 'out', 'main', 'cli.js')];
  if (needed.every((file) => existsSync(file))) return;
  execFileSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-vite', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}
