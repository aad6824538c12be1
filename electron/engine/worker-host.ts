/**
 * The main thread's side of the engine worker: calls with sequence numbers, events relayed, token
 * requests answered, and supervision — a worker that dies is restarted with
 * backoff, and a crash loop is detected and stopped instead of spinning.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { backoffMs } from '../../shared/backoff.ts';
import type {
  BriefApi,
  EventName,
  Events,
  MethodArgs,
  MethodName,
  MethodResult,
} from '../../shared/contract.ts';
import { BriefError, fromSerializedError, toSerializedError } from '../../shared/errors.ts';
import type { TokenProvider } from './auth/token-provider.ts';
import type { LogRecord } from './log.ts';
import type { FromWorker, ToWorker, WorkerStartData } from './protocol.ts';

export type SupervisorState = 'starting' | 'running' | 'restarting' | 'crash-loop' | 'stopped';

export interface WorkerHostOptions {
  /** The worker's entry: electron/engine/worker.ts from source, or the bundled file in the app. */
  workerUrl: URL | string;
  startData: WorkerStartData;
  tokenProvider?: TokenProvider;
  /** What the supervisor itself says about the worker (a failed start, a thread error); the worker's own records are in its log. */
  onLog?: (record: LogRecord) => void;
  onStateChange?: (state: SupervisorState, detail: string | null) => void;
  /** Restart backoff: base × 2^(n−1), capped. */
  restartBaseMs?: number;
  restartCapMs?: number;
  /** This many unexpected exits inside the window is a crash loop. */
  crashLoopExits?: number;
  crashLoopWindowMs?: number;
  clock?: () => number;
  schedule?: (run: () => void, ms: number) => void;
  /** How long a call may wait for its answer before it fails (DEFAULT_CALL_DEADLINE_MS). */
  callDeadlineMs?: number;
}

/**
 * Every call has a deadline: a window never waits without end on an engine that is busy or
 * stuck. Generous next to any call's real cost (a cold report of a million messages takes a few
 * seconds), so it only ever ends a call that would not have answered.
 */
export const DEFAULT_CALL_DEADLINE_MS = 30_000;

/**
 * The engine thread's memory profile, as `brief` has it (bin/brief.js: 2 MB semi-spaces, three of
 * which make V8's young generation): V8's default grows the young generation to 48 MB, which an
 * import's short-lived rows fill and keep, for no CPU gained in imports or reports.
 */
const ENGINE_WORKER_LIMITS = { maxYoungGenerationSizeMb: 6 };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  deadline: ReturnType<typeof setTimeout>;
}

export interface WorkerHost extends BriefApi {
  readonly state: SupervisorState;
  /** Resolves once the worker answered `ready`. */
  ready(): Promise<void>;
  /** Lets running jobs checkpoint, then stops the worker. */
  shutdown(timeoutMs?: number): Promise<void>;
  /** For tests and diagnostics: ends the worker abruptly, as a crash would. */
  kill(): Promise<void>;
}

export function startWorkerHost(options: WorkerHostOptions): WorkerHost {
  // One runner id for every worker this host starts: a restarted one takes back its predecessor's jobs.
  const startData = { runnerId: `app-${randomUUID()}`, ...options.startData };
  const clock = options.clock ?? Date.now;
  const schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms).unref());
  const restartBase = options.restartBaseMs ?? 1000;
  const restartCap = options.restartCapMs ?? 30_000;
  const loopExits = options.crashLoopExits ?? 5;
  const loopWindow = options.crashLoopWindowMs ?? 60_000;
  const callDeadlineMs = options.callDeadlineMs ?? DEFAULT_CALL_DEADLINE_MS;

  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const pending = new Map<number, Pending>();
  const exits: number[] = [];
  let seq = 0;
  let worker: Worker | null = null;
  let state: SupervisorState = 'starting';
  let stopping = false;
  let readyWaiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];

  const setState = (next: SupervisorState, detail: string | null = null) => {
    state = next;
    options.onStateChange?.(next, detail);
  };

  const post = (message: ToWorker) => worker?.postMessage(message);

  const answerToken = async (message: Extract<FromWorker, { kind: 'token-request' }>) => {
    try {
      if (!options.tokenProvider) {
        throw new BriefError(
          'AUTH_REQUIRED',
          'This account is not connected on this device. Connect it again with Connect Gmail.',
        );
      }
      const token = await options.tokenProvider.getAccessToken(
        { id: message.accountId, address: message.address },
        { forceRefresh: message.forceRefresh },
      );
      post({ kind: 'token-response', seq: message.seq, outcome: { ok: true, value: token } });
    } catch (error) {
      post({
        kind: 'token-response',
        seq: message.seq,
        outcome: { ok: false, error: toSerializedError(error) },
      });
    }
  };

  const onMessage = (message: FromWorker) => {
    switch (message.kind) {
      case 'ready':
        setState('running');
        for (const waiter of readyWaiters) waiter.resolve();
        readyWaiters = [];
        return;
      case 'result': {
        const call = pending.get(message.seq);
        // No call waits for it any more: its deadline passed, and it was answered then.
        if (!call) return;
        pending.delete(message.seq);
        clearTimeout(call.deadline);
        if (message.outcome.ok) call.resolve(message.outcome.value);
        else call.reject(fromSerializedError(message.outcome.error));
        return;
      }
      case 'event':
        for (const listener of listeners.get(message.name) ?? []) listener(message.payload as never);
        return;
      case 'token-request':
        void answerToken(message);
        return;
      case 'fatal':
        options.onLog?.({
          time: new Date(clock()).toISOString(),
          level: 'error',
          message: 'engine fatal',
          fields: { ...message.error },
        });
        for (const waiter of readyWaiters) waiter.reject(fromSerializedError(message.error));
        readyWaiters = [];
        return;
      case 'closed':
        return;
    }
  };

  const notRunning = () =>
    state === 'crash-loop'
      ? new BriefError('INTERNAL', 'The engine keeps stopping; restart 360Brief.')
      : state === 'stopped'
        ? new BriefError('INTERNAL', 'The engine has been shut down; restart 360Brief.')
        : new BriefError('INTERNAL', 'The engine is restarting. Try again in a moment.');

  const failPending = (message: string) => {
    for (const call of pending.values()) {
      clearTimeout(call.deadline);
      call.reject(new BriefError('INTERNAL', message));
    }
    pending.clear();
  };

  const spawn = () => {
    const current = new Worker(options.workerUrl, {
      workerData: startData,
      resourceLimits: ENGINE_WORKER_LIMITS,
    });
    worker = current;
    current.on('message', onMessage);
    current.on('error', (error) => {
      options.onLog?.({
        time: new Date(clock()).toISOString(),
        level: 'error',
        message: 'engine worker error',
        fields: { error },
      });
    });
    current.on('exit', (code) => {
      if (worker !== current) return;
      worker = null;
      failPending('The engine stopped before answering. It restarts by itself; try again in a moment.');
      if (stopping) {
        setState('stopped');
        for (const waiter of readyWaiters) waiter.reject(notRunning());
        readyWaiters = [];
        return;
      }
      const now = clock();
      exits.push(now);
      while (exits.length > 0 && exits[0]! < now - loopWindow) exits.shift();
      if (exits.length >= loopExits) {
        setState(
          'crash-loop',
          `The engine stopped ${exits.length} times in a minute (last exit code ${code}). Restart 360Brief; if it keeps stopping, send us the files in the logs folder beside its database.`,
        );
        for (const waiter of readyWaiters) waiter.reject(notRunning());
        readyWaiters = [];
        return;
      }
      const delay = backoffMs(exits.length, { baseMs: restartBase, capMs: restartCap });
      setState(
        'restarting',
        `The engine stopped (exit code ${code}); restarting in ${Math.round(delay / 1000)} s.`,
      );
      schedule(() => {
        if (!stopping) spawn();
      }, delay);
    });
  };

  spawn();

  return {
    get state() {
      return state;
    },
    ready() {
      if (state === 'running') return Promise.resolve();
      // A stopped or crash-looping engine does not come back by itself: waiting would never end.
      if (state === 'crash-loop' || state === 'stopped') return Promise.reject(notRunning());
      return new Promise((resolve, reject) => readyWaiters.push({ resolve, reject }));
    },
    call<M extends MethodName>(name: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
      if (!worker) return Promise.reject(notRunning());
      const id = ++seq;
      return new Promise((resolve, reject) => {
        const deadline = setTimeout(() => {
          if (!pending.delete(id)) return;
          const seconds = callDeadlineMs / 1000;
          reject(
            new BriefError(
              'INTERNAL',
              `The engine did not answer ${name} within ${seconds} s; it may be busy with a large piece of work. Try again in a moment.`,
            ),
          );
        }, callDeadlineMs);
        deadline.unref();
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, deadline });
        post({ kind: 'call', seq: id, method: name, args });
      });
    },
    on<E extends EventName>(name: E, listener: (payload: Events[E]) => void) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    async shutdown(timeoutMs = 5000) {
      stopping = true;
      const current = worker;
      if (!current) {
        setState('stopped');
        return;
      }
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      post({ kind: 'shutdown' });
      const timer = setTimeout(() => void current.terminate(), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
    async kill() {
      await worker?.terminate();
    },
  };
}
