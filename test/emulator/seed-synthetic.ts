import type { GeneratorOptions } from '../../electron/engine/mail/generator/index.ts';
import { generateMailbox, USER_LABEL_NAMES } from '../../electron/engine/mail/generator/index.ts';
import type { SeedMessage } from './mailbox.ts';

/** The generator's user labels, to declare before seeding so their ids stay as generated. */
export const SYNTHETIC_LABELS: Array<{ id: string; name: string }> = Object.entries(USER_LABEL_NAMES).map(
  ([id, name]) => ({ id, name }),
);

/** The engine's synthetic mailbox as emulator seed messages (streamed, ids and threads as generated). */
export function* seedFromSynthetic(options: GeneratorOptions): Generator<SeedMessage> {
  for (const message of generateMailbox(options)) {
    yield {
      id: message.id,
      threadId: message.threadId,
      labelIds: message.labelIds,
      internalDate: message.internalDate,
      sizeEstimate: message.sizeEstimate,
      headers: message.headers,
      body: message.body,
    };
  }
}
