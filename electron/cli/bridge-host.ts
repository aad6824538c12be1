/**
 * The bridge's answers to the methods the contract marks for the host (HostMark), as the desktop
 * shell's are in electron/main/shell-host.ts: sign-in happens on this machine, forgetting takes
 * the token out of the CLI's vault, and what needs the desktop app's dialogs is refused with the
 * contract's sentence. HostAnswers makes a newly marked method a compile error until it is here.
 */
import { type HostAnswers, hostOnlyRefusal } from '../../shared/contract.ts';
import type { Engine } from '../engine/index.ts';
import { forgetWithVault } from './forget-account.ts';
import { signInAndRegister } from './gmail-commands.ts';
import type { GoogleOverrides } from './google-config.ts';

export function bridgeHost(engine: Engine, databasePath: string, google: GoogleOverrides): HostAnswers {
  return {
    'accounts.connectGmail': () => signInAndRegister(engine, databasePath, google),
    'accounts.forget': ({ accountId }) => forgetWithVault(engine, databasePath, accountId),
    'brief.saveDigest': () => Promise.reject(hostOnlyRefusal('brief.saveDigest')),
    'diagnostics.export': () => Promise.reject(hostOnlyRefusal('diagnostics.export')),
    // A page cannot name paths on this machine: the dashboard uploads dropped files instead.
    'import.choosePaths': () => Promise.reject(hostOnlyRefusal('import.choosePaths')),
  };
}
