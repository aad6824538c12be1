/**
 * How a run's requests share the concurrency slots (sources/gmail/request-runner.ts): a run of more
 * parts than slots (at most two rounds) goes one part per request, so each slot comes back with its
 * own answer and the next part goes out at once, not when the slowest part of a batch answers; a
 * request that waits for slots goes out as soon as an answer gives them back, before that answer is
 * stored (storing first held it back by the whole store: ≈ 18 ms for 40 messages on a quiet
 * machine, far more on a loaded one); what came back is stored even when storing or a request
 * fails. Real slots, pacer, retry policy and access tokens over real HTTP to a scripted Gmail that
 * answers only when the test says so.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { gmail_v1 } from '@googleapis/gmail';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessTokens } from '../../electron/engine/sources/gmail/access-tokens.ts';
import type { FetchRequest } from '../../electron/engine/sources/gmail/batch-getter.ts';
import type { CallContext } from '../../electron/engine/sources/gmail/call-context.ts';
import { QuotaDiscovery } from '../../electron/engine/sources/gmail/quota-discovery.ts';
import { QuotaPacer } from '../../electron/engine/sources/gmail/quota-pacer.ts';
import { runRequests } from '../../electron/engine/sources/gmail/request-runner.ts';
import { RetryPolicy } from '../../electron/engine/sources/gmail/retry-policy.ts';
import { Slots } from '../../electron/engine/sources/gmail/slots.ts';

const START = Date.parse('2026-05-01T09:00:00.000Z');

/** Stops what a failed test left running. */
let stop = new AbortController();

function contextFor(rootUrl: string, slots: number): CallContext {
  let clock = START;
  const now = () => clock;
  const sleep = async (ms: number) => {
    clock += ms;
  };
  const discovery = new QuotaDiscovery({ setting: 'legacy', learned: null, remember: () => {} });
  const provider = {
    getAccessToken: async () => ({ accessToken: 'token-1', expiresAt: clock + 3_600_000 }),
  };
  return {
    rootUrl,
    address: 'me@example.com',
    quota: discovery.quota,
    pacer: new QuotaPacer({ margin: 0.99, burstFraction: 0.03, timeScale: 1, now, sleep, discovery }),
    slots: new Slots(slots),
    policy: new RetryPolicy({ tries: 8, timeScale: 1, random: () => 0.5, now }),
    tokens: new AccessTokens(provider, { id: 1, address: 'me@example.com' }, now),
    signal: stop.signal,
    now,
    sleep,
    onQuotaWait: () => {},
  };
}

const messages = (count: number): FetchRequest[] =>
  Array.from({ length: count }, (_, index) => ({ kind: 'message', id: `m${index}` }));

/** A request Gmail holds until the test answers it: the message ids it asked for. */
interface Held {
  ids: string[];
  answer(): void;
}

/** Gmail over HTTP, answering each request (a GET or a batch) only when told; `events` in order. */
async function scriptedGmail(events: string[]) {
  const held: Held[] = [];
  const arrivals: Array<() => void> = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = request.method === 'POST' ? Buffer.concat(chunks).toString('utf8') : `GET ${request.url}`;
      const ids = [...text.matchAll(/GET \/gmail\/v1\/users\/me\/messages\/([^?\s]+)/g)].map((m) => m[1]!);
      events.push(`sent ${ids.join(',')}`);
      held.push({ ids, answer: () => answer(request, response, ids) });
      for (const arrived of arrivals.splice(0)) arrived();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    rootUrl: `http://127.0.0.1:${port}/`,
    held,
    /** Resolves once this many parts have reached Gmail. */
    async partsArrived(count: number): Promise<void> {
      while (held.reduce((sum, request) => sum + request.ids.length, 0) < count) {
        await new Promise<void>((resolve) => arrivals.push(resolve));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function answer(request: IncomingMessage, response: ServerResponse, ids: string[]): void {
  const body = (id: string) => JSON.stringify({ id, threadId: id, labelIds: ['INBOX'] });
  if (request.method === 'GET') {
    response.writeHead(200, { 'content-type': 'application/json' }).end(body(ids[0]!));
    return;
  }
  const boundary = 'batch_scripted';
  const parts = ids.map(
    (id, index) =>
      `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <response-item${index}>\r\n\r\n` +
      `HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${body(id)}\r\n`,
  );
  response
    .writeHead(200, { 'content-type': `multipart/mixed; boundary=${boundary}` })
    .end(`${parts.join('')}--${boundary}--\r\n`);
}

let close: (() => Promise<void>) | null = null;
const nodeFetch = globalThis.fetch;
afterEach(async () => {
  globalThis.fetch = nodeFetch;
  stop.abort();
  stop = new AbortController();
  await close?.();
  close = null;
});

/** Observes Node's fetch (not ours): the messages a request asks for, when the request is made. */
function observeFetch(events: string[]): void {
  globalThis.fetch = (input, init) => {
    const asked = typeof init?.body === 'string' ? init.body : String(input);
    const ids = [...asked.matchAll(/\/messages\/([^?\s]+)/g)].map((match) => match[1]);
    events.push(`fetch ${ids.join(',')}`);
    return nodeFetch(input, init);
  };
}

/** A scripted Gmail (closed after the test) and a sync's call context with this many slots. */
async function scripted(slots: number, events: string[] = []) {
  const gmail = await scriptedGmail(events);
  close = gmail.close;
  return { gmail, context: contextFor(gmail.rootUrl, slots) };
}

/** A store that notes the ids it is given, in order. */
function collectInto(stored: string[]) {
  return (fetched: gmail_v1.Schema$Message[]) => {
    stored.push(...fetched.map((message) => message.id!));
  };
}

describe('request runner', () => {
  it('sends the parts beyond the slots one by one, each the moment a slot comes back', async () => {
    const events: string[] = [];
    const { gmail, context } = await scripted(4, events);
    const stored: string[] = [];
    const run = runRequests(context, messages(6), 4, collectInto(stored), 'answered');
    await gmail.partsArrived(4);
    // Four slots, four requests of one part: each slot comes back with its own answer.
    expect(gmail.held.map((request) => request.ids)).toEqual([['m0'], ['m1'], ['m2'], ['m3']]);
    gmail.held[2]!.answer();
    await gmail.partsArrived(5);
    // m2's slot went to m4 while m0, m1 and m3 are still out.
    expect(gmail.held.map((request) => request.ids)).toEqual([['m0'], ['m1'], ['m2'], ['m3'], ['m4']]);
    gmail.held[0]!.answer();
    await gmail.partsArrived(6);
    expect(gmail.held[5]!.ids).toEqual(['m5']);
    for (const index of [1, 3, 4, 5]) gmail.held[index]!.answer();
    await run;
    expect(stored.sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('sends a request waiting for a slot before the answer that gave it back is stored', async () => {
    const events: string[] = [];
    const { gmail, context } = await scripted(4, events);
    observeFetch(events);
    const run = runRequests(
      context,
      messages(5),
      4,
      (fetched: gmail_v1.Schema$Message[]) => {
        events.push(`stored ${fetched.map((message) => message.id).join(',')}`);
      },
      'answered',
    );
    await gmail.partsArrived(4);
    gmail.held[1]!.answer();
    await gmail.partsArrived(5);
    for (const index of [0, 2, 3, 4]) gmail.held[index]!.answer();
    await run;
    const made = events.filter((event) => !event.startsWith('sent'));
    expect(made.slice(0, 6)).toEqual([
      'fetch m0',
      'fetch m1',
      'fetch m2',
      'fetch m3',
      'fetch m4',
      'stored m1',
    ]);
  });

  it('sends a run of more than two rounds of slots as batches', async () => {
    const events: string[] = [];
    const { gmail, context } = await scripted(4, events);
    const stored: string[] = [];
    const run = runRequests(context, messages(9), 2, collectInto(stored), 'answered');
    await gmail.partsArrived(4);
    expect(gmail.held.map((request) => request.ids)).toEqual([['m0', 'm1', 'm2', 'm3']]);
    gmail.held[0]!.answer();
    await gmail.partsArrived(8);
    gmail.held[1]!.answer();
    await gmail.partsArrived(9);
    gmail.held[2]!.answer();
    await run;
    expect(gmail.held.map((request) => request.ids.length)).toEqual([4, 4, 1]);
    expect(stored).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);
  });

  // A first sync's first page: its first store is published at once and must hold the newest mail.
  it('in planned order stores nothing before the first request has answered, then all that came', async () => {
    const { gmail, context } = await scripted(4);
    const stores: string[][] = [];
    let firstStored = () => {};
    const stored = new Promise<void>((resolve) => {
      firstStored = resolve;
    });
    const run = runRequests(
      context,
      messages(6),
      4,
      (fetched) => {
        stores.push(fetched.map((message) => message.id!));
        firstStored();
      },
      'planned',
    );
    await gmail.partsArrived(4);
    gmail.held[2]!.answer();
    await gmail.partsArrived(5);
    gmail.held[3]!.answer();
    await gmail.partsArrived(6);
    expect(stores).toEqual([]);
    gmail.held[0]!.answer();
    await stored;
    for (const index of [1, 4, 5]) gmail.held[index]!.answer();
    await run;
    expect(stores[0]!.sort()).toEqual(['m0', 'm2', 'm3']);
    expect(stores.flat().sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
  });

  it('sends a run that fits in the slots as one batch', async () => {
    const events: string[] = [];
    const { gmail, context } = await scripted(4, events);
    const stored: string[] = [];
    const run = runRequests(context, messages(3), 4, collectInto(stored), 'answered');
    await gmail.partsArrived(3);
    expect(gmail.held.map((request) => request.ids)).toEqual([['m0', 'm1', 'm2']]);
    gmail.held[0]!.answer();
    await run;
    expect(stored).toEqual(['m0', 'm1', 'm2']);
  });

  it('stores what came back and ends with the store failure when storing fails', async () => {
    const { gmail, context } = await scripted(4);
    let stores = 0;
    const run = runRequests(
      context,
      messages(9),
      4,
      () => {
        stores += 1;
        throw new Error('disk full');
      },
      'answered',
    );
    const failed = expect(run).rejects.toThrow('disk full');
    await gmail.partsArrived(4);
    gmail.held[0]!.answer();
    await gmail.partsArrived(8);
    gmail.held[1]!.answer();
    await gmail.partsArrived(9);
    gmail.held[2]!.answer();
    await failed;
    // The second batch's answer is not stored after the first store failed.
    expect(stores).toBe(1);
  });
});
