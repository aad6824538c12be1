/**
 * The window's security settings (docs/shell.md "Window security": the Electron security checklist):
 * every web preference, the Content Security Policy, which links may leave the app, and that the
 * shell actually applies them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isSafeExternalUrl,
  secureWebPreferences,
} from '../../electron/main/window-security.ts';
import {
  META_CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY as SHARED_POLICY,
} from '../../shared/content-security-policy.ts';
import { ROOT, skipWithoutBuild, withoutBuildNote } from '../paths.ts';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('web preferences', () => {
  it('isolates and sandboxes the renderer with no Node and no webview', () => {
    expect(secureWebPreferences('/app/preload/index.cjs')).toEqual({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    });
  });
});

describe('Content Security Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('denies by default and allows scripts only from the app itself', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('never allows eval, inline scripts or remote code', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|wasm-unsafe-eval|\*|https?:/);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('names every directive once', () => {
    const names = CONTENT_SECURITY_POLICY.split(';').map((part) => part.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the Content Security Policy as a <meta> tag (the packaged window loads a file:// page)', () => {
  /** The policies a page declares in `<meta http-equiv="Content-Security-Policy">`, in order, with where the first script is. */
  function declared(html: string): { policies: string[]; beforeFirstScript: boolean } {
    const pattern = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi;
    const matches = [...html.matchAll(pattern)];
    const firstScript = html.search(/<script\b/i);
    return {
      policies: matches.map((match) => match[1]!),
      beforeFirstScript: matches.length > 0 && (firstScript === -1 || matches[0]!.index! < firstScript),
    };
  }

  it('is the policy of the window less frame-ancestors, which browsers ignore in a meta tag', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(SHARED_POLICY);
    const header = CONTENT_SECURITY_POLICY.split('; ');
    expect(META_CONTENT_SECURITY_POLICY.split('; ')).toEqual(
      header.filter((directive) => !directive.startsWith('frame-ancestors')),
    );
  });

  it('is declared once in renderer/index.html, before any script', () => {
    const page = declared(readFileSync(join(ROOT, 'renderer', 'index.html'), 'utf8'));
    expect(page.policies).toEqual([META_CONTENT_SECURITY_POLICY]);
    expect(page.beforeFirstScript).toBe(true);
  });

  const built = join(ROOT, 'out', 'renderer', 'index.html');
  it.skipIf(skipWithoutBuild(built))(
    `survives the build into out/renderer/index.html${withoutBuildNote(built)}`,
    () => {
      const page = declared(readFileSync(built, 'utf8'));
      expect(page.policies).toEqual([META_CONTENT_SECURITY_POLICY]);
      expect(page.beforeFirstScript).toBe(true);
    },
  );
});

describe('external links', () => {
  it.each([
    ['https://support.google.com/mail', true],
    ['http://example.com', false],
    ['HTTPS://support.google.com/mail', true],
    ['mailto:someone@example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['smb://server/share', false],
    ['chrome://settings', false],
    ['not a url', false],
    ['ftp://example.com/file', false],
    ['tel:+441234567890', false],
    ['ms-settings:privacy', false],
    ['//example.com', false],
  ])('%s leaves the app: %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('the shell applies them', () => {
  // electron/main/index.ts needs Electron to run; its wiring is checked in its text instead.
  const shell = readFileSync(join(ROOT, 'electron', 'main', 'index.ts'), 'utf8');

  it('creates its window with the secure preferences and sets the CSP on every response', () => {
    expect(shell).toMatch(/webPreferences: secureWebPreferences\(/);
    expect(shell).toMatch(/'Content-Security-Policy': \[CONTENT_SECURITY_POLICY\]/);
  });

  it('denies new windows, navigation and permission requests', () => {
    expect(shell).toMatch(/setWindowOpenHandler\([\s\S]*?return \{ action: 'deny' \}/);
    expect(shell).toMatch(/'will-navigate', \(event\) => event\.preventDefault\(\)/);
    expect(shell).toMatch(/setPermissionRequestHandler\([^)]*\) => callback\(false\)\)/);
    expect(shell).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
  });

  it('reads the environment once, through shellEnvironment, so a packaged app ignores the development variables', () => {
    expect(shell.match(/process\.env/g)).toHaveLength(1);
    expect(shell).toMatch(/const env = shellEnvironment\(process\.env, app\.isPackaged\);/);
    expect(shell).toMatch(/rendererSource\(env, /);
    expect(shell).toMatch(/resolveGoogleClient\(env, /);
    // The worker's Gmail endpoint comes from main, never from the engine's own environment.
    expect(shell).toMatch(/gmailSync: syncOptionsFromEnv\(env\)/);
  });

  it('routes every renderer call through the IPC router with the sender frame', () => {
    expect(shell).toMatch(/ipcMain\.handle\(IPC_CALL_CHANNEL/);
    expect(shell).toMatch(/isMainFrame: event\.senderFrame === event\.sender\.mainFrame/);
  });
});
