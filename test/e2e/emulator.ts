/** Starts the Gmail API emulator (test/emulator/cli.ts) as a child process and reads its first JSON line. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../paths.ts';
import { firstLine, stopChild } from './serve.ts';

export interface EmulatorProcess {
  url: string;
  clientId: string;
  clientSecret: string;
  /** A token the emulator issued at start, to ask it what the mailbox holds. */
  accessToken: string;
  /** How many messages `messages.list` lists (spam and trash excluded, as the sync sees the mailbox), optionally only those with a label. */
  listedMessages(labelId?: string): Promise<number>;
  stop(): Promise<void>;
}

export interface EmulatorOptions {
  /** Synthetic messages generated into the mailbox. */
  messages: number;
  /** Divides the quota window and latency; the engine gets the same value via BRIEF_SYNC_TIME_SCALE. */
  timeScale: number;
  profile?: '2026' | 'legacy';
}

export async function startEmulator(options: EmulatorOptions): Promise<EmulatorProcess> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'test', 'emulator', 'cli.ts'),
      '--seed',
      `synthetic:${options.messages}`,
      '--profile',
      options.profile ?? 'legacy',
      '--port',
      '0',
      '--latency',
      '0',
      '--time-scale',
      String(options.timeScale),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // Later log lines must be drained, or a full pipe would stall the emulator.
  const first = await firstLine(child, 'the Gmail emulator', () => stderr);
  child.stdout?.resume();
  const { url, clientId, clientSecret, accessToken } = JSON.parse(first) as {
    url: string;
    clientId: string;
    clientSecret: string;
    accessToken: string;
  };
  return {
    url,
    clientId,
    clientSecret,
    accessToken,
    async listedMessages(labelId) {
      let count = 0;
      let pageToken: string | undefined;
      do {
        const query = new URLSearchParams({
          maxResults: '500',
          ...(labelId ? { labelIds: labelId } : {}),
          ...(pageToken ? { pageToken } : {}),
        });
        const response = await fetch(`${url}/gmail/v1/users/me/messages?${query}`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        if (!response.ok) throw new Error(`the emulator refused messages.list: HTTP ${response.status}`);
        const page = (await response.json()) as { messages?: unknown[]; nextPageToken?: string };
        count += page.messages?.length ?? 0;
        pageToken = page.nextPageToken;
      } while (pageToken);
      return count;
    },
    stop: () => stopChild(child),
  };
}
