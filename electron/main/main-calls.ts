/**
 * The main process's door for renderer calls, routed by the contract's HostMark: a method marked
 * for the host is answered by the shell's table (shell-host.ts: the system browser, the vault, a
 * save dialog), every other one goes through the IPC router to the engine. The same sender check
 * and schema validation apply to both, and `after` sees each successful answer (settings changes
 * reach the scheduler and the tray this way).
 */
import {
  type CallOutcome,
  type HostAnswers,
  type HostMethodName,
  isHostMethod,
  isMethodName,
} from '../../shared/contract.ts';
import { BriefError, toSerializedError } from '../../shared/errors.ts';
import { parseCall } from '../../shared/validate.ts';
import { type CallSender, createIpcRouter, isTrustedFrame } from './ipc-router.ts';
import { createShellHost, type ShellHostDeps } from './shell-host.ts';

export interface MainCallOptions {
  route(sender: CallSender, name: unknown, args: unknown): Promise<CallOutcome<unknown>>;
  trustedOrigins: readonly string[];
  /** The shell's answer to every method the contract marks for the host. */
  host: HostAnswers;
  after?(name: string, value: unknown): void;
}

export type MainCallHandler = (
  sender: CallSender,
  name: unknown,
  args: unknown,
) => Promise<CallOutcome<unknown>>;

export function createMainCallHandler(options: MainCallOptions): MainCallHandler {
  const answerHere = async (sender: CallSender, name: unknown, args: unknown): Promise<unknown> => {
    if (!isTrustedFrame(sender, options.trustedOrigins))
      throw new BriefError('VALIDATION', 'This call did not come from the 360Brief window and was refused.');
    const call = parseCall(name, args);
    const answer = options.host[call.name as HostMethodName] as (args: unknown) => Promise<unknown>;
    return answer(call.args);
  };
  return async function handle(
    sender: CallSender,
    name: unknown,
    args: unknown,
  ): Promise<CallOutcome<unknown>> {
    let outcome: CallOutcome<unknown>;
    if (isMethodForHost(name)) {
      try {
        outcome = { ok: true, value: await answerHere(sender, name, args) };
      } catch (error) {
        outcome = { ok: false, error: toSerializedError(error) };
      }
    } else {
      outcome = await options.route(sender, name, args);
    }
    if (outcome.ok && typeof name === 'string') options.after?.(name, outcome.value);
    return outcome;
  };
}

/** An unknown name is not the host's: the router refuses it as unknown. */
function isMethodForHost(name: unknown): boolean {
  return typeof name === 'string' && isMethodName(name) && isHostMethod(name);
}

export interface ShellCallOptions extends ShellHostDeps {
  trustedOrigins: readonly string[];
  after?(name: string, value: unknown): void;
}

/**
 * The whole door the window's calls come through (electron/main/index.ts hands it each IPC call):
 * the shell's host table, the IPC router to the engine, and the routing between them by HostMark.
 */
export function createShellCalls(options: ShellCallOptions): { handle: MainCallHandler; stop(): void } {
  const host = createShellHost(options);
  const handle = createMainCallHandler({
    route: createIpcRouter(options.engine, options.trustedOrigins),
    trustedOrigins: options.trustedOrigins,
    host: host.answers,
    ...(options.after ? { after: options.after } : {}),
  });
  return { handle, stop: host.stop };
}
