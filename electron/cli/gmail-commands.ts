/** `brief connect` (Google sign-in in the browser, loopback redirect, PKCE) and `brief sync`. */
import { spawn } from 'node:child_process';
import type { Account } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';
import { type Engine, FileVault, GMAIL_METADATA_SCOPE, runLoopbackAuthorization } from '../engine/index.ts';
import type { Command } from './args.ts';
import { cliDatabasePath } from './engine.ts';
import {
  type GoogleConfig,
  type GoogleOverrides,
  resolveGoogleConfig,
  savedEndpoint,
  saveGoogleConfig,
  vaultPath,
} from './google-config.ts';
import { out } from './output.ts';
import { finished, runJob } from './run-job.ts';
import { describeSync } from './sync-text.ts';

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** The system browser for Google; a local emulator consents by itself, so fetching the page is enough. */
async function openBrowser(url: string): Promise<void> {
  if (isLoopback(url)) {
    await fetch(url, { redirect: 'follow' });
    return;
  }
  process.stderr.write(`Opening your browser to sign in with Google. If it does not open, visit:\n${url}\n`);
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  const child = spawn(opener, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

async function profileAddress(config: GoogleConfig, accessToken: string): Promise<string> {
  const response = await fetch(`${config.gmailRootUrl}gmail/v1/users/me/profile`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (!response.ok)
    throw new BriefError(
      'AUTH_REQUIRED',
      `Gmail refused the new sign-in (HTTP ${response.status}); run \`brief connect\` again.`,
    );
  const profile = (await response.json()) as { emailAddress?: string };
  if (!profile.emailAddress)
    throw new BriefError('INTERNAL', 'Gmail did not say which address was connected; try again.');
  return profile.emailAddress.toLowerCase();
}

/**
 * Signs in with Google (browser + loopback + PKCE), keeps the refresh token in the CLI's vault,
 * saves where Google (or the emulator) is, and registers the account, which queues its first sync.
 * `brief connect` and the browser bridge's `accounts.connectGmail` both come here.
 */
export async function signInAndRegister(
  engine: Engine,
  databasePath: string,
  given: GoogleOverrides = {},
): Promise<Account> {
  const config = resolveGoogleConfig(databasePath, given);
  const authorization = await runLoopbackAuthorization({
    ...config.oauth,
    scope: GMAIL_METADATA_SCOPE,
    openBrowser,
  });
  const address = await profileAddress(config, authorization.accessToken);
  new FileVault(vaultPath(databasePath)).set(address, {
    refreshToken: authorization.refreshToken,
    scope: authorization.scope,
  });
  saveGoogleConfig(databasePath, config, given.endpoint ?? savedEndpoint(databasePath));
  return engine.call('accounts.registerGmail', { address });
}

export const connectCommand: Command = (parsed) => async (engine) => {
  const account = await signInAndRegister(engine, cliDatabasePath(parsed.values.db), {
    clientId: parsed.values['client-id'],
    clientSecret: parsed.values['client-secret'],
    endpoint: parsed.values.endpoint,
  });
  if (parsed.values['no-sync']) {
    out(`Connected ${account.address}. Its mail is fetched by \`brief sync\` (or the app).`);
    return 0;
  }
  out(`Connected ${account.address}. Fetching your mail (newest first); the dashboard fills in as it goes.`);
  const { jobs } = await engine.call('jobs.list', { accountId: account.id, status: 'pending', limit: 1 });
  if (jobs[0])
    finished(await runJob(engine, jobs[0]), (job) =>
      describeSync(job, `First sync of ${account.address} finished.`),
    );
  return 0;
};

export const syncCommand: Command = (parsed) => async (engine) => {
  const accounts = (await engine.call('accounts.list', {})).filter((account) => account.provider === 'gmail');
  const wanted = parsed.values.account;
  const targets = wanted
    ? accounts.filter((account) => account.address === wanted.toLowerCase() || String(account.id) === wanted)
    : accounts;
  if (targets.length === 0) {
    throw new BriefError(
      'NOT_FOUND',
      wanted
        ? `No Gmail account "${wanted}". \`brief accounts\` lists them.`
        : 'No Gmail account is connected: run `brief connect` first.',
    );
  }
  for (const account of targets) {
    const job = await engine.call('sync.start', { accountId: account.id });
    finished(await runJob(engine, job), (done) => describeSync(done, `${account.address} is up to date.`));
  }
  return 0;
};
