/**
 * Launches the real app with Playwright's Electron driver: the window opens on the dashboard and
 * the tray shows a state. Skipped, with the reason, where no Electron binary is installed (it is
 * downloaded by electron's postinstall, which cannot reach its CDN on some machines).
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../paths.ts';

function electronBinary(): string | null {
  try {
    const pkg = createRequire(join(ROOT, 'package.json')).resolve('electron/package.json');
    const pathFile = join(dirname(pkg), 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dirname(pkg), 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const built = existsSync(join(ROOT, 'out', 'main', 'index.js'));
const skipReason = !binary
  ? 'no Electron binary in node_modules/electron/dist (its download is unavailable here); run `npx install-electron` where it is'
  : !built
    ? 'the app is not built; run `npx electron-vite build` first'
    : null;

describe('Electron smoke', () => {
  // The reason is in the name, so a reader of any reporter sees why it did not run.
  it.skipIf(skipReason !== null)(
    `launches, shows the dashboard and a tray state${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      const { _electron } = await import('playwright-core');
      const dataDir = mkdtempSync(join(tmpdir(), 'brief-smoke-'));
      const app = await _electron.launch({
        executablePath: binary!,
        args: [ROOT, `--user-data-dir=${dataDir}`],
        cwd: ROOT,
        env: { ...process.env, BRIEF_DB: join(dataDir, 'brief.db'), BRIEF_E2E: '1' },
      });
      try {
        const window = await app.firstWindow();
        await window.waitForLoadState('domcontentloaded');
        expect(await window.title()).toBe('360Brief');
        // A fresh data folder opens on the dashboard's welcome (empty) state.
        await window.getByText('Welcome to 360Brief').first().waitFor({ state: 'visible', timeout: 20_000 });
        const tray = await app.evaluate(() =>
          (
            globalThis as unknown as { __brief360Shell: { trayView(): { icon: string } } }
          ).__brief360Shell.trayView(),
        );
        expect(['idle', 'syncing', 'waiting-for-quota', 'offline', 'error', 'needs-reconnect']).toContain(
          tray.icon,
        );
        const exposed = await window.evaluate(() =>
          Object.keys((window as unknown as { brief: object }).brief).sort(),
        );
        expect(exposed).toEqual(['call', 'on']);
      } finally {
        await app.close();
      }
    },
  );
});
