/**
 * The window's security settings in one place, so a test can assert every one of them
 * (docs/shell.md "Window security": the Electron security checklist).
 */
export { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy.ts';

export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
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
  } as const;
}

/**
 * Only https and mailto links leave the app, and only to the system's own handler (the window
 * itself never opens another). Plain http is refused: it can be read and rewritten on the way.
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'mailto:';
  } catch {
    return false;
  }
}
