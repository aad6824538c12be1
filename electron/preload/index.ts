/**
 * Exposes exactly one object to the page, `window.brief`, derived from the shared contract:
 * `call` for the contract's methods and `on` for its pushed events. Nothing else crosses.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { type EventName, isEventName } from '../../shared/events.ts';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../shared/ipc-channels.ts';
import { isMethodName } from '../../shared/method-names.ts';

type Outcome = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

class BriefCallError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

const api = {
  async call(name: string, args: unknown): Promise<unknown> {
    if (!isMethodName(name))
      throw new BriefCallError('VALIDATION', `There is no method called "${String(name)}".`);
    const outcome = (await ipcRenderer.invoke(IPC_CALL_CHANNEL, name, args)) as Outcome;
    if (outcome.ok) return outcome.value;
    throw new BriefCallError(outcome.error.code, outcome.error.message);
  },
  on(name: EventName, listener: (payload: unknown) => void): () => void {
    if (!isEventName(name))
      throw new BriefCallError('VALIDATION', `There is no event called "${String(name)}".`);
    const handler = (_event: IpcRendererEvent, eventName: string, payload: unknown) => {
      if (eventName === name) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('brief', api);
