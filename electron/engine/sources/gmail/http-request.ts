/**
 * The sync's own HTTP requests to Gmail (the batches and the single gets) through node:http(s)
 * with keep-alive agents, not Node's fetch. An incremental sync sends dozens of requests at once,
 * so what each costs the sync's thread adds up: measured against a local server, 40 at a time,
 * fetch took ≈ 0.2–0.5 ms of CPU a request and this ≈ 0.06–0.2. And `end()` hands the request to
 * a free socket at once, where fetch wrote it some turns later: a store that ran meanwhile held
 * the request back by the whole store (14–37 ms in the incremental sync's trace at load 3).
 * The concurrency slots bound the requests in flight; the agents keep their sockets for the next.
 */
import type * as Http from 'node:http';
import type * as Https from 'node:https';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

export interface HttpAnswer {
  status: number;
  /** A response header, or null. */
  header(name: string): string | null;
  text: string;
}

export interface HttpRequestOptions {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/** As long as Node's fetch waits for an answer's headers and between its body's chunks. */
const IDLE_TIMEOUT_MS = 300_000;

interface Client {
  request: typeof Http.request;
  agent: Http.Agent;
}

let clients: { http: Client; https: Client } | null = null;

/**
 * Loaded when the first sync sends: node:http, https and tls are ≈ 9 MB of a process that an
 * engine which only imports or reports never needs (test/cli/loaded-modules.test.ts).
 */
function clientsLoaded(): { http: Client; https: Client } {
  if (clients === null) {
    const load = createRequire(import.meta.url);
    const http = load('node:http') as typeof Http;
    const https = load('node:https') as typeof Https;
    clients = {
      http: { request: http.request, agent: new http.Agent({ keepAlive: true }) },
      https: { request: https.request, agent: new https.Agent({ keepAlive: true }) },
    };
  }
  return clients;
}

/**
 * Sends one request and reads the whole answer. A network failure rejects with Node's error (its
 * `code`, such as ECONNRESET, is what the retry policy reads); the signal aborts the request.
 */
export function httpRequestText(url: string, options: HttpRequestOptions): Promise<HttpAnswer> {
  const target = new URL(url);
  const client = clientsLoaded()[target.protocol === 'https:' ? 'https' : 'http'];
  return new Promise<HttpAnswer>((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: options.method,
        // Gmail compresses its answers when asked (a batch of metadata is ≈ 100 KB plain).
        headers: { ...options.headers, 'accept-encoding': 'gzip' },
        agent: client.agent,
        signal: options.signal,
        timeout: IDLE_TIMEOUT_MS,
      },
      (response) => readAnswer(response, resolve, reject),
    );
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error('Gmail did not answer in time.'), { code: 'ETIMEDOUT' })),
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

function readAnswer(
  response: Http.IncomingMessage,
  resolve: (answer: HttpAnswer) => void,
  reject: (error: Error) => void,
): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('error', reject);
  response.on('end', () => {
    let body = Buffer.concat(chunks);
    try {
      if (response.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
    } catch (error) {
      reject(error as Error);
      return;
    }
    resolve({
      status: response.statusCode ?? 0,
      header: (name) => {
        const value = response.headers[name.toLowerCase()];
        return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
      },
      text: body.toString('utf8'),
    });
  });
  // Closed before its end (the connection dropped): a network failure the policy retries.
  response.on('close', () => {
    if (!response.complete)
      reject(Object.assign(new Error('Gmail closed the connection mid-answer.'), { code: 'ECONNRESET' }));
  });
}
