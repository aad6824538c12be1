/**
 * A fake transport for the dashboard's tests, in the manner of Actual Budget's: the test gives a
 * handler per method it expects and pushes events with `emit`. It stands in for window.brief (the
 * preload) or the bridge client only; every store and component under test is the real one.
 * Answers are structured-cloned, as they are when they cross IPC or HTTP.
 */
import { announceReconnect, type Host, installApi } from '../../renderer/src/api/client.ts';
import type {
  BriefApi,
  EventName,
  Events,
  MethodArgs,
  MethodName,
  MethodResult,
} from '../../shared/contract.ts';

export type Handlers = {
  [M in MethodName]?: (args: MethodArgs<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

export interface FakeApi extends BriefApi {
  /** Every call made, in order, with its arguments as sent. */
  readonly calls: Array<{ name: MethodName; args: unknown }>;
  /** Calls that had no handler: test/renderer/setup.ts fails the test when any is left. */
  readonly unhandled: MethodName[];
  /** Adds or replaces handlers. */
  handle(more: Handlers): void;
  /** Pushes an event to every listener, as the engine would. */
  emit<E extends EventName>(name: E, payload: Events[E]): void;
  /** The event stream opened again after a drop (the bridge's reconnect). */
  reconnect(): void;
  /** The calls of one method, their arguments. */
  argsOf<M extends MethodName>(name: M): Array<MethodArgs<M>>;
}

type Listener = (payload: unknown) => void;

export function createFakeApi(handlers: Handlers = {}): FakeApi {
  const table: Handlers = { ...handlers };
  const listeners = new Map<EventName, Set<Listener>>();
  const calls: FakeApi['calls'] = [];
  const unhandled: MethodName[] = [];
  return {
    calls,
    unhandled,
    handle(more) {
      Object.assign(table, more);
    },
    async call<M extends MethodName>(name: M, args: MethodArgs<M>): Promise<MethodResult<M>> {
      calls.push({ name, args: structuredClone(args) });
      const handler = table[name] as ((args: MethodArgs<M>) => unknown) | undefined;
      if (!handler) {
        unhandled.push(name);
        throw new Error(`The test gave no handler for ${name}.`);
      }
      return structuredClone(await handler(structuredClone(args))) as MethodResult<M>;
    },
    on<E extends EventName>(name: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(name) ?? new Set<Listener>();
      listeners.set(name, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
    emit(name, payload) {
      for (const listener of [...(listeners.get(name) ?? [])]) listener(structuredClone(payload));
    },
    reconnect: announceReconnect,
    argsOf<M extends MethodName>(name: M) {
      return calls.filter((call) => call.name === name).map((call) => call.args as MethodArgs<M>);
    },
  };
}

let current: FakeApi | null = null;

/** Creates a fake transport and installs it as the dashboard's `api`, in a browser or the desktop app. */
export function installFakeApi(
  handlers: Handlers = {},
  host: Host = { desktop: false, upload: null },
): FakeApi {
  current = createFakeApi(handlers);
  installApi(current, host);
  return current;
}

/** The fake installed by the running test, if any (for setup.ts's check). */
export function installedFake(): FakeApi | null {
  return current;
}

export function forgetFake(): void {
  current = null;
}

/** A promise the test settles by hand: a call that is still loading. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
