/** Validation at every boundary: a contract method's arguments parsed by its schema, or a typed error. */
import type { z } from 'zod';
import { isMethodName, type MethodName, type Methods, methods } from './contract.ts';
import { BriefError } from './errors.ts';

const MAX_ARGUMENT_BYTES = 256 * 1024;

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the arguments';
  return `${where}: ${issue.message}`;
}

/** Parses a call's arguments against the contract; throws BriefError VALIDATION with a readable sentence. */
export function parseCall(name: unknown, args: unknown): { name: MethodName; args: unknown } {
  if (!isMethodName(name)) {
    throw new BriefError('VALIDATION', `There is no method called "${String(name).slice(0, 80)}".`);
  }
  let size: number;
  try {
    size = JSON.stringify(args ?? {}).length;
  } catch {
    throw new BriefError('VALIDATION', `The arguments of ${name} could not be read as JSON.`);
  }
  if (size > MAX_ARGUMENT_BYTES) {
    throw new BriefError(
      'VALIDATION',
      `The arguments of ${name} are too large (${size} bytes; at most ${MAX_ARGUMENT_BYTES}).`,
    );
  }
  const schema = methods[name].args as z.ZodType;
  const parsed = schema.safeParse(args ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    throw new BriefError('VALIDATION', `Invalid arguments for ${name}: ${detail}.`);
  }
  return { name, args: parsed.data };
}

/** One method's arguments parsed by its schema, typed as its handler receives them (a boundary holding JSON). */
export function parseArgs<M extends MethodName>(name: M, args: unknown): z.output<Methods[M]['args']> {
  return parseCall(name, args).args as z.output<Methods[M]['args']>;
}
