/**
 * A store of answers by request (reports, Briefs): an answer already shown stays on screen while a
 * newer one loads and when the engine is unreachable, so the dashboard works from what it last had.
 */
import { create } from 'zustand';
import type { SerializedError } from '../../../shared/errors.ts';
import { asError } from './errors.ts';

export interface EnvelopeState<Request, Envelope> {
  envelopes: Record<string, Envelope>;
  loading: Record<string, boolean>;
  errors: Record<string, SerializedError | null>;
  /** Fetches the answer; a call while one is in flight for the same key runs once more after it. */
  fetch(request: Request): Promise<void>;
}

export function createEnvelopeStore<Request, Envelope>(
  keyOf: (request: Request) => string,
  load: (request: Request) => Promise<Envelope>,
) {
  const inFlight = new Map<string, { again: boolean }>();
  return create<EnvelopeState<Request, Envelope>>((set, get) => ({
    envelopes: {},
    loading: {},
    errors: {},
    async fetch(request) {
      const key = keyOf(request);
      const running = inFlight.get(key);
      if (running) {
        running.again = true;
        return;
      }
      const entry = { again: false };
      inFlight.set(key, entry);
      set({ loading: { ...get().loading, [key]: true } });
      try {
        do {
          entry.again = false;
          try {
            const envelope = await load(request);
            set({
              envelopes: { ...get().envelopes, [key]: envelope },
              errors: { ...get().errors, [key]: null },
            });
          } catch (error) {
            set({ errors: { ...get().errors, [key]: asError(error) } });
          }
        } while (entry.again);
      } finally {
        inFlight.delete(key);
        set({ loading: { ...get().loading, [key]: false } });
      }
    },
  }));
}
