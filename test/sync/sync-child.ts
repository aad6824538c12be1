/**
 * An engine that runs the queue's Gmail sync and reports each stored batch, to be killed
 * mid-sync: started as a worker thread (terminated) or a child process (SIGKILL). Its
 * configuration comes as workerData or as JSON in BRIEF_SYNC_CHILD.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileVault } from '../../electron/engine/auth/file-vault.ts';
import { RefreshingTokenProvider } from '../../electron/engine/auth/refreshing-token-provider.ts';
import { Engine } from '../../electron/engine/engine.ts';
import { fetchMessagesExecutor, syncHistoryExecutor } from '../../electron/engine/sources/gmail/index.ts';
import { engineServicesForTests } from '../../electron/engine/testing.ts';

export interface ChildConfig {
  databasePath: string;
  vaultPath: string;
  rootUrl: string;
  clientId: string;
  clientSecret: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  timeScale: number;
  /** Added to the engine's clock so leases of earlier killed runs have expired. */
  clockOffsetMs: number;
}

const config = (workerData ?? JSON.parse(process.env.BRIEF_SYNC_CHILD ?? '{}')) as ChildConfig;
const say = (line: string) => (parentPort ? parentPort.postMessage(line) : process.stdout.write(`${line}\n`));

const provider = new RefreshingTokenProvider(new FileVault(config.vaultPath), config);
const options = {
  rootUrl: config.rootUrl,
  timeScale: config.timeScale,
  now: Date.now,
  rederiveIntervalMs: 0,
};
let engine: Engine | null = null;
engine = Engine.open({
  databasePath: config.databasePath,
  clock: () => Date.now() + config.clockOffsetMs,
  tokenProvider: provider,
  executors: {
    fetch_messages: (context) => fetchMessagesExecutor(engineServicesForTests(engine!), options)(context),
    sync_history: (context) => syncHistoryExecutor(engineServicesForTests(engine!), options)(context),
  },
});
// Each stored batch is reported (and may be the kill's cue), whether or not it changed a row: a
// resync of an unchanged mailbox stores batch after batch but publishes nothing.
const { messages } = engineServicesForTests(engine);
const cacheBulk = messages.cacheBulk.bind(messages);
messages.cacheBulk = (...args) => {
  const stored = cacheBulk(...args);
  say(`stored ${stored.inserted + stored.updated}`);
  return stored;
};
await engine.runner.runUntilIdle({ maxWaitMs: 60_000 });
await engine.close();
say('done');
