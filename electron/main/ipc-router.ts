/**
 * The IPC router: every renderer call is checked (sender frame and origin), validated against
 * the contract's schema, forwarded to the engine, and answered with a result or a typed error.
 * No Electron import here, so it is tested under plain Node with a small stand-in for the event.
 */
import type { CallOutcome, ValidatingCaller } from '../../shared/contract.ts';
import { BriefError, toSerializedError } from '../../shared/errors.ts';
import { parseCall } from '../../shared/validate.ts';

export interface CallSender {
  /** URL of the frame that sent the call (event.senderFrame.url). */
  frameUrl: string | null;
  /** Whether it is the window's top frame (event.senderFrame === webContents.mainFrame). */
  isMainFrame: boolean;
}

/** The engine's worker host: it validates again on the worker's side, so parsed arguments pass as they are. */
export type EngineCaller = ValidatingCaller;

/** The app's own pages: the bundled file:// renderer, or the dev server when one is configured. */
export function isTrustedFrame(sender: CallSender, trustedOrigins: readonly string[]): boolean {
  if (!sender.isMainFrame || !sender.frameUrl) return false;
  let url: URL;
  try {
    url = new URL(sender.frameUrl);
  } catch {
    return false;
  }
  // A file:// page has no origin: it must be the renderer's own file, compared after the URL
  // parser resolved any `..` (a prefix test would also accept index.html.evil or ../ escapes).
  if (url.protocol === 'file:')
    return trustedOrigins.some((trusted) => {
      const page = new URL(trusted);
      return page.protocol === 'file:' && page.host === url.host && page.pathname === url.pathname;
    });
  return trustedOrigins.includes(url.origin);
}

export function createIpcRouter(engine: EngineCaller, trustedOrigins: readonly string[]) {
  return async function handle(
    sender: CallSender,
    name: unknown,
    args: unknown,
  ): Promise<CallOutcome<unknown>> {
    try {
      if (!isTrustedFrame(sender, trustedOrigins)) {
        throw new BriefError(
          'VALIDATION',
          'This call did not come from the 360Brief window and was refused.',
        );
      }
      const call = parseCall(name, args);
      const value = await engine.call(call.name, call.args);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toSerializedError(error) };
    }
  };
}
