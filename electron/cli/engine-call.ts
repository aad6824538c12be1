/**
 * Arguments typed on the command line, checked against the contract before the engine is called.
 * The contract decides what is valid (one rule whichever door a call comes through); this file
 * says a refusal in terms of the flag the person typed, never the method's internal name or the
 * argument's path.
 */
import type { z } from 'zod';
import { type MethodArgs, type MethodName, methods } from '../../shared/contract.ts';
import { BriefError } from '../../shared/errors.ts';

/** For each top-level argument the command line filled in: the sentence for a value the contract refuses. */
export type Wording = Record<string, (value: unknown) => string>;

function valueAt(args: unknown, path: readonly PropertyKey[]): unknown {
  let value = args;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key];
  return value;
}

/** The sentences for arguments more than one command fills in. */
export const TIME_ZONE_WORDING = (value: unknown) =>
  `Unknown time zone "${String(value)}": use an IANA name such as Europe/London.`;

export const addressWording = (what: string) => (value: unknown) =>
  `${what} "${String(value)}" is not an e-mail address: give one such as name@example.com.`;

/**
 * Checks arguments against the method's contract before anything is opened, so that a mistake on
 * the command line never opens (or creates) the database; refuses in the command line's words.
 */
export function checkArguments<M extends MethodName>(
  method: M,
  args: Partial<MethodArgs<M>>,
  wording: Wording,
): void {
  const shape = (methods[method].args as unknown as z.ZodObject).shape;
  for (const [key, value] of Object.entries(args)) {
    const checked = (shape[key] as z.ZodType).safeParse(value);
    if (checked.success) continue;
    const issue = checked.error.issues[0]!;
    const sentence = wording[key];
    throw new BriefError(
      'VALIDATION',
      sentence
        ? sentence(valueAt(value, issue.path))
        : `A value given on the command line cannot be used: ${issue.message.replace(/\.?$/, '.')}`,
    );
  }
}
