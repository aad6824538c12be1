/** Asking before something cannot be undone: in a terminal a question, in a script `--yes`. */
import { createInterface } from 'node:readline/promises';
import { BriefError } from '../../shared/errors.ts';

export interface ConfirmIo {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream;
}

/**
 * True when the person answers yes. Without a terminal to ask in, refuses with how to go on: a
 * script must say `--yes`, so nothing is deleted because a pipe happened to be empty.
 */
export async function confirm(
  question: string,
  skipWith: string,
  io: ConfirmIo = { input: process.stdin, output: process.stderr },
): Promise<boolean> {
  if (!io.input.isTTY) {
    throw new BriefError(
      'VALIDATION',
      `${question.replace(/\?$/, '')}: this cannot be undone, so brief asks first, and there is no terminal to ask in. Add ${skipWith} to go ahead.`,
    );
  }
  const reader = createInterface({ input: io.input, output: io.output });
  try {
    const answer = await reader.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    reader.close();
  }
}
