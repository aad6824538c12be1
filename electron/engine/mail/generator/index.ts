/**
 * The synthetic mailbox generator: years of realistic, deterministic mail for the emulator,
 * the demo and the benchmarks. See docs/generator.md.
 */
export { USER_LABEL_NAMES } from './compose.ts';
export { gmailMetadataOf } from './gmail-metadata.ts';
export { generateMailbox } from './mailbox.ts';
export { writeMbox } from './mbox.ts';
export { takeoutLabelName, toRfc822 } from './rfc822.ts';
export type { GeneratedMessage, GeneratorOptions, Header } from './types.ts';
