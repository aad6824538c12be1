/**
 * The two engine methods the shell needs that the contract does not declare yet: starting an
 * incremental sync (`sync.start`) and registering a Gmail account after sign-in
 * (`accounts.registerGmail`). They are called by name once the contract has them; until then the
 * call answers a clear error and nothing else in the shell changes.
 */
import type { BriefApi } from '../../shared/contract.ts';
import { isMethodName } from '../../shared/contract.ts';
import type { Account } from '../../shared/domain.ts';
import { BriefError } from '../../shared/errors.ts';

export const START_SYNC_METHOD = 'sync.start';
export const REGISTER_GMAIL_METHOD = 'accounts.registerGmail';

type Caller = Pick<BriefApi, 'call'>;

function callDeclared(engine: Caller, name: string, args: Record<string, unknown>): Promise<unknown> {
  if (!isMethodName(name)) {
    return Promise.reject(
      new BriefError(
        'INTERNAL',
        `This build of 360Brief cannot reach Gmail yet (the engine has no ${name} method). Update 360Brief.`,
      ),
    );
  }
  return engine.call(name, args as never);
}

/** Queues a `sync_history` job for the account; CONFLICT when one is already queued or running. */
export function startSyncThroughContract(engine: Caller, accountId: number): Promise<unknown> {
  return callDeclared(engine, START_SYNC_METHOD, { accountId });
}

/** Creates (or finds) the Gmail account for the address and queues its first sync. */
export async function registerGmailThroughContract(engine: Caller, address: string): Promise<Account> {
  return (await callDeclared(engine, REGISTER_GMAIL_METHOD, { address })) as Account;
}
