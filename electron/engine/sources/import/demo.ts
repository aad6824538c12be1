/**
 * The demo: a generated mailbox written as a Takeout-style mbox, then imported through the same
 * import job as real mail, so the app and the CLI show a full dashboard with no setup.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineServices } from '../../engine.ts';
import { writeMbox } from '../../mail/generator/index.ts';

export const DEMO_ADDRESS = 'alex@example.com';
export const DEMO_ALIASES = ['alex.morgan@example.org'];
export const DEMO_NAME = 'Alex Morgan';

export async function createDemoMailbox(
  services: EngineServices,
  options: { messages: number; seed: number },
): Promise<string> {
  const folder = join(tmpdir(), 'brief-demo');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `demo-${options.seed}-${options.messages}.mbox`);
  await writeMbox(path, {
    seed: options.seed,
    messages: options.messages,
    identities: [DEMO_ADDRESS, ...DEMO_ALIASES],
    userName: DEMO_NAME,
    // Newest mail an hour ago, so "today" and "last 7 days" have something to show.
    end: services.clock() - 3600_000,
    years: 2,
  });
  return path;
}
