/** Asking before forgetting: a question in a terminal, a refusal with what to do in a script. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { confirm } from '../../electron/cli/confirm.ts';

/** A terminal: the person's answer typed in, what brief asks read back. */
function terminal(answer: string) {
  const input = Object.assign(new PassThrough(), { isTTY: true });
  const output = new PassThrough();
  let asked = '';
  output.on('data', (chunk: Buffer) => {
    asked += chunk.toString();
  });
  setImmediate(() => input.write(`${answer}\n`));
  return { io: { input, output }, asked: () => asked };
}

describe('confirm', () => {
  it.each([
    ['y', true],
    ['Yes', true],
    ['n', false],
    ['', false],
    ['maybe', false],
  ])('answers %j as %s', async (answer, expected) => {
    const { io, asked } = terminal(answer);
    expect(await confirm('Forget ann@example.com?', '--yes', io)).toBe(expected);
    expect(asked()).toBe('Forget ann@example.com? [y/N] ');
  });

  it('without a terminal refuses, naming the option that goes ahead', async () => {
    const io = { input: new PassThrough(), output: new PassThrough() };
    await expect(confirm('Forget ann@example.com?', '--yes', io)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(
        /^Forget ann@example\.com: this cannot be undone.*Add --yes to go ahead\.$/,
      ),
    });
  });
});
