/**
 * The desktop shell's answers to the methods the contract marks for the host (HostMark): Google
 * sign-in in the system browser, forgetting an account with its token in the vault, saving the
 * digest and exporting diagnostics through a save dialog, choosing mail to import in an open dialog. Electron's objects come in as small
 * functions, so the table is tested as code under Node with a real engine (test/main/shell-wiring.test.ts);
 * HostAnswers makes a method the contract marks and this table misses a compile error.
 */
import type { BriefApi, HostAnswers } from '../../shared/contract.ts';
import { connectGmail, forgetAccount } from './account-connection.ts';
import type { AppTokenProvider } from './app-token-provider.ts';
import { diagnosticsFileName, writeDiagnostics } from './diagnostics.ts';
import type { GoogleSignIn } from './google-sign-in.ts';
import { saveDigest } from './save-digest.ts';
import type { TokenVault } from './vault.ts';

export interface SaveFilter {
  name: string;
  extensions: string[];
}

export interface ShellHostDeps {
  engine: Pick<BriefApi, 'call'>;
  vault: TokenVault;
  tokens: AppTokenProvider;
  /** Google's consent in the system browser; gives up when the signal aborts (a new attempt, quitting). */
  signIn(signal: AbortSignal): Promise<GoogleSignIn>;
  /** The save dialog, offering a file name: the chosen path, or null when cancelled. */
  choosePath(fileName: string, filters?: SaveFilter[]): Promise<string | null>;
  /** The open dialog for mail to import, files or folders (not both on every system): none when cancelled. */
  chooseMail(folders: boolean): Promise<string[]>;
  /** What a diagnostics file says about the app: version, platform, the engine worker's state. */
  appInfo(): Record<string, unknown>;
  /** The logs' folders for diagnostics (logs/main, logs/engine). */
  logFolders: readonly string[];
  now(): number;
}

export interface ShellHost {
  answers: HostAnswers;
  /** Ends a sign-in still waiting for the browser (the app is quitting). */
  stop(): void;
}

export function createShellHost(deps: ShellHostDeps): ShellHost {
  const { engine, vault, tokens } = deps;
  let connecting: AbortController | null = null;
  const answers: HostAnswers = {
    'accounts.forget': ({ accountId }) => forgetAccount(engine, { vault, tokens }, accountId),
    'accounts.connectGmail': () => {
      // Connecting again (the first browser tab was closed) replaces the waiting attempt.
      connecting?.abort();
      const attempt = new AbortController();
      connecting = attempt;
      return connectGmail({
        vault,
        tokens,
        signIn: () => deps.signIn(attempt.signal),
        register: (address) => engine.call('accounts.registerGmail', { address }),
      }).finally(() => {
        if (connecting === attempt) connecting = null;
      });
    },
    'brief.saveDigest': (request) =>
      saveDigest(
        {
          digest: (args) => engine.call('brief.digest', args),
          choosePath: (fileName) => deps.choosePath(fileName, [{ name: 'Web page', extensions: ['html'] }]),
        },
        request,
      ),
    'import.choosePaths': async ({ folders }) => ({ paths: await deps.chooseMail(folders) }),
    'diagnostics.export': async () => {
      const now = deps.now();
      const chosen = await deps.choosePath(diagnosticsFileName(now));
      if (chosen === null) return { path: null };
      const path = writeDiagnostics(chosen, {
        now,
        app: deps.appInfo(),
        logFolders: deps.logFolders,
        jobs: await engine.call('jobs.list', { limit: 500 }),
        analyticsCache: await engine.call('analytics.cacheStats', {}),
        messageCache: await engine.call('messages.stats', {}),
      });
      return { path };
    },
  };
  return { answers, stop: () => connecting?.abort() };
}
