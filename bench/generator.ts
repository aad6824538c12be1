/** Row 6: the synthetic generator's speed, generating messages and writing each as RFC 822. */
import { generateMailbox, toRfc822 } from '../electron/engine/mail/generator/index.ts';
import { generatorOptions } from './context.ts';
import { count, megabytes, ms, now } from './measure.ts';
import type { RowGroup } from './row.ts';

const FIGURE = 'Generator throughput';

export const generatorGroup: RowGroup = {
  name: 'generator',
  figures: [FIGURE],
  async run(context) {
    const size = context.quick ? 20_000 : 100_000;
    const started = now();
    let characters = 0;
    for (const message of generateMailbox(generatorOptions(3, size))) characters += toRfc822(message).length;
    const elapsed = now() - started;
    const rate = size / (elapsed / 1000);
    return [
      {
        figure: FIGURE,
        value: `${count(rate)} msg/s (${count(size)} in ${ms(elapsed)}, ${megabytes(characters)} of RFC 822)`,
        target: '≥ 50,000 msg/s',
        pass: rate >= 50_000,
        protocol: `generateMailbox({ seed: 3, messages: ${count(size)}, years: 3 }) with toRfc822 of every message, in memory (no disk)`,
      },
    ];
  },
};
