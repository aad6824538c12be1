/**
 * The window's security settings (ARCHITECTURE.md "Security", TARGETS.md "Electron checklist"):
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
import { ROOT } from '../paths.ts';

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

describe('external links', () => {
  it.each([
    ['https://support.google.com/mail', true],
    ['http://example.com', true],
    ['mailto:someone@example.com', true],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['smb://server/share', false],
    ['chrome://settings', false],
    ['not a url', false],
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

  it('routes every renderer call through the IPC router with the sender frame', () => {
    expect(shell).toMatch(/ipcMain\.handle\(IPC_CALL_CHANNEL/);
    expect(shell).toMatch(/isMainFrame: event\.senderFrame === event\.sender\.mainFrame/);
  });
});
