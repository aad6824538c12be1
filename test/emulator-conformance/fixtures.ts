import { gmail_v1 } from '@googleapis/gmail';
import { OAuth2Client } from 'google-auth-library';
import { createManualClock, type ManualClock } from '../emulator/clock.ts';
import type { SeedMessage } from '../emulator/mailbox.ts';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../emulator/server.ts';

export const START = Date.UTC(2026, 4, 1, 9, 0, 0);
export const READONLY = 'https://www.googleapis.com/auth/gmail.readonly';

const hex = (n: number): string => `a${n.toString(16).padStart(15, '0')}`;

/**
 * A small mailbox: `count` messages, three per thread, one hour apart, the newest last; every
 * fifth message is spam or trash, some unread, a user label "Work" on every fourth.
 */
export function smallMailbox(count: number): SeedMessage[] {
  return Array.from({ length: count }, (_, i) => {
    const labels = i % 10 === 4 ? ['SPAM'] : i % 10 === 9 ? ['TRASH'] : ['INBOX'];
    if (i % 3 === 0) labels.push('UNREAD');
    if (i % 4 === 0) labels.push('Work');
    return {
      id: hex(i + 1),
      threadId: hex(Math.floor(i / 3) * 3 + 1),
      labelIds: labels,
      internalDate: START - (count - i) * 3_600_000,
      sizeEstimate: 1000 + i,
      headers: [
        { name: 'Delivered-To', value: 'user@example.com' },
        { name: 'From', value: `Sender ${i} <sender${i}@example.org>` },
        { name: 'To', value: 'user@example.com' },
        { name: 'Subject', value: `Message ${i}` },
        { name: 'Message-ID', value: `<m${i}@example.org>` },
        { name: 'DATE', value: new Date(START - (count - i) * 3_600_000).toUTCString() },
      ],
      body: `Hello number ${i}.\r\nSecond line.`,
    };
  });
}

export { hex as fixtureId };

export interface Harness {
  emulator: RunningEmulator;
  clock: ManualClock;
  gmail: gmail_v1.Gmail;
  auth: OAuth2Client;
  /** A client whose token carries another scope. */
  clientFor(scope: string): gmail_v1.Gmail;
  /** Raw HTTP to the emulator, with the starting token. */
  fetchApi(path: string, init?: RequestInit): Promise<Response>;
}

export async function startHarness(options: EmulatorOptions = {}): Promise<Harness> {
  const clock = createManualClock(START);
  const emulator = await startEmulator({ clock, messages: smallMailbox(30), ...options });
  const auth = oauthClient(emulator);
  // With an expiry date the client does not refresh-and-retry on 401/403 by itself, so tests see
  // each answer as sent.
  auth.setCredentials({
    access_token: emulator.accessToken,
    refresh_token: emulator.refreshToken,
    expiry_date: Date.now() + 3_600_000,
  });
  const gmailFor = (client: OAuth2Client) =>
    new gmail_v1.Gmail({
      rootUrl: `${emulator.url}/`,
      auth: client,
      retry: false,
      retryConfig: { retry: 0 },
    });
  return {
    emulator,
    clock,
    gmail: gmailFor(auth),
    auth,
    clientFor: (scope) => {
      const tokens = emulator.issueTokens(scope);
      const client = oauthClient(emulator);
      client.setCredentials({
        access_token: tokens.accessToken,
        refresh_token: tokens.refreshToken,
        expiry_date: Date.now() + 3_600_000,
      });
      return gmailFor(client);
    },
    fetchApi: (path, init = {}) =>
      fetch(`${emulator.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${emulator.accessToken}`, ...(init.headers ?? {}) },
      }),
  };
}

export function oauthClient(
  emulator: RunningEmulator,
  redirectUri = 'http://127.0.0.1:1/callback',
): OAuth2Client {
  return new OAuth2Client({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    redirectUri,
    endpoints: emulator.endpoints,
  });
}

/** The status and Google error body of a rejected client call. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; body: GoogleErrorShape }> {
  try {
    await promise;
  } catch (error) {
    const response = (error as { response?: { status: number; data: GoogleErrorShape } }).response;
    if (response !== undefined) return { status: response.status, body: response.data };
    throw error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}

export interface GoogleErrorShape {
  error: {
    code: number;
    message: string;
    status: string;
    errors: Array<{
      message: string;
      domain: string;
      reason: string;
      location?: string;
      locationType?: string;
    }>;
  };
}
