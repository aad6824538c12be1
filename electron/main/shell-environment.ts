/**
 * What the desktop shell takes from its environment, and where the window's page comes from.
 *
 * A development run (`npm run dev`, `npm run app`, the Electron smoke test) may point the window
 * at the dev server and Google at the emulator with environment variables. A packaged app
 * ignores them: whoever can set a variable for the user's session must not be able to load
 * remote code into the window (`ELECTRON_RENDERER_URL`) or send the user's tokens to another
 * server (the Gmail and OAuth endpoints). The fuses in electron-builder.yml close the other
 * environment doors (`ELECTRON_RUN_AS_NODE`, `NODE_OPTIONS`, `--inspect`).
 */
import { pathToFileURL } from 'node:url';

export const DEVELOPMENT_ONLY_VARIABLES = [
  'ELECTRON_RENDERER_URL',
  'BRIEF_GMAIL_ROOT_URL',
  'BRIEF_SYNC_TIME_SCALE',
  'BRIEF_OAUTH_AUTHORIZATION_URL',
  'BRIEF_OAUTH_TOKEN_URL',
  'BRIEF_E2E',
] as const;

/** The environment the shell reads: all of it in development, without the variables above when packaged. */
export function shellEnvironment(env: NodeJS.ProcessEnv, isPackaged: boolean): NodeJS.ProcessEnv {
  if (!isPackaged) return { ...env };
  const kept = { ...env };
  for (const name of DEVELOPMENT_ONLY_VARIABLES) delete kept[name];
  return kept;
}

export type RendererSource = { kind: 'url'; url: string } | { kind: 'file'; path: string };

/** The dev server's page when one is named (development only, see above), else the built file. */
export function rendererSource(env: NodeJS.ProcessEnv, rendererFile: string): RendererSource {
  const url = env.ELECTRON_RENDERER_URL;
  return url ? { kind: 'url', url } : { kind: 'file', path: rendererFile };
}

/** Whose IPC calls main accepts: the dev server's origin, or the built page's file URL. */
export function trustedOriginsOf(source: RendererSource): string[] {
  return source.kind === 'url' ? [new URL(source.url).origin] : [pathToFileURL(source.path).href];
}
