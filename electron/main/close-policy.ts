/**
 * What closing the window means: with "keep syncing in the tray" on, the window hides and the app
 * keeps syncing from the tray; otherwise it closes (and the app quits, except on macOS where apps
 * stay in the Dock). Quitting from the tray or the OS always closes.
 */
export interface ClosePolicyInput {
  keepSyncingInTray: boolean;
  quitting: boolean;
  /** Whether a tray icon exists to bring the window back from. */
  hasTray: boolean;
}

export function onWindowClose(input: ClosePolicyInput): 'hide' | 'close' {
  return input.keepSyncingInTray && input.hasTray && !input.quitting ? 'hide' : 'close';
}

export function quitWhenAllWindowsClosed(input: {
  keepSyncingInTray: boolean;
  platform: NodeJS.Platform;
}): boolean {
  return !input.keepSyncingInTray && input.platform !== 'darwin';
}
