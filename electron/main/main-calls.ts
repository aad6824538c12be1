/**
 * The few contract methods the main process answers itself, because they need the shell (the
 * system browser, the vault, a file dialog) rather than the engine. The same sender check and
 * schema validation as the IPC router apply; everything else goes to the router unchanged, and
 * `after` sees each successful answer (settings changes reach the scheduler and the tray this way).
 */
import type { CallOutcome } from '../../shared/contract.ts';
import { BriefError, toSerializedError } from '../../shared/errors.ts';
import { parseCall } from '../../shared/validate.ts';
import { type CallSender, isTrustedFrame } from './ipc-router.ts';

export type MainMethod = (args: unknown) => Promise<unknown>;

export interface MainCallOptions {
  route(sender: CallSender, name: unknown, args: unknown): Promise<CallOutcome<unknown>>;
  trustedOrigins: readonly string[];
  /** Method name → handler; names the contract does not (yet) declare are refused as unknown. */
  local: ReadonlyMap<string, MainMethod>;
  after?(name: string, value: unknown): void;
}

export function createMainCallHandler(options: MainCallOptions) {
  return async function handle(
    sender: CallSender,
    name: unknown,
    args: unknown,
  ): Promise<CallOutcome<unknown>> {
    const local = typeof name === 'string' ? options.local.get(name) : undefined;
    let outcome: CallOutcome<unknown>;
    if (local) {
      try {
        if (!isTrustedFrame(sender, options.trustedOrigins))
          throw new BriefError(
            'VALIDATION',
            'This call did not come from the 360Brief window and was refused.',
          );
        const call = parseCall(name, args);
        outcome = { ok: true, value: await local(call.args) };
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
