/**
 * The engine worker's entry: opens the engine, answers sequence-numbered calls, forwards events
 * to the main thread, and asks the main thread's vault for access tokens. It writes its own log
 * (the main thread does not see its records, so each is written once).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CallOutcome, ValidatingCaller } from '../../shared/contract.ts';
import { fromSerializedError, toSerializedError } from '../../shared/errors.ts';
import type { AccessToken, TokenProvider } from './auth/token-provider.ts';
import { Engine } from './engine.ts';
import { createFileLogger, createMemoryLogger, type FileLogger } from './log.ts';
import type { FromWorker, ToWorker, WorkerStartData } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');
const start = workerData as WorkerStartData;
const post = (message: FromWorker) => port.postMessage(message);

const tokenRequests = new Map<number, (outcome: CallOutcome<AccessToken>) => void>();
let tokenSeq = 0;
const tokenProvider: TokenProvider = {
  getAccessToken(account, options) {
    const seq = ++tokenSeq;
    return new Promise((resolve, reject) => {
      tokenRequests.set(seq, (outcome) =>
        outcome.ok ? resolve(outcome.value) : reject(fromSerializedError(outcome.error)),
      );
      post({
        kind: 'token-request',
        seq,
        accountId: account.id,
        address: account.address,
        forceRefresh: options?.forceRefresh ?? false,
      });
    });
  },
};

const fileLogger: FileLogger | null = start.logFolder ? createFileLogger({ folder: start.logFolder }) : null;
let engine: Engine;
try {
  const logger = fileLogger ?? createMemoryLogger();
  engine = Engine.open({
    databasePath: start.databasePath,
    appOwnsPath: start.appOwnsPath ?? false,
    ...(start.runnerId ? { runnerId: start.runnerId } : {}),
    logger,
    tokenProvider,
    mode: 'worker',
    ...(start.gmailSync ? { gmailSync: start.gmailSync } : {}),
    ...(start.analyticsWorkerPath ? { analyticsWorker: start.analyticsWorkerPath } : {}),
  });
} catch (error) {
  post({ kind: 'fatal', error: toSerializedError(error) });
  // What the engine logged before it failed (why its database would not open) is kept.
  await fileLogger?.close();
  process.exit(1);
}
engine.onAnyEvent((name, payload) => post({ kind: 'event', name, payload } as FromWorker));
if (start.runJobs) engine.startBackgroundWork();

port.on('message', (message: ToWorker) => {
  switch (message.kind) {
    case 'call':
      // The engine validates the arguments against the contract itself.
      (engine as ValidatingCaller).call(message.method, message.args).then(
        (value) => post({ kind: 'result', seq: message.seq, outcome: { ok: true, value } }),
        (error: unknown) =>
          post({ kind: 'result', seq: message.seq, outcome: { ok: false, error: toSerializedError(error) } }),
      );
      return;
    case 'token-response': {
      const settle = tokenRequests.get(message.seq);
      tokenRequests.delete(message.seq);
      settle?.(message.outcome);
      return;
    }
    case 'shutdown':
      void engine
        .close()
        .then(() => fileLogger?.close())
        .finally(() => {
          post({ kind: 'closed' });
          port.close();
        });
      return;
  }
});
post({ kind: 'ready' });
