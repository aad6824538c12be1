import { useState } from 'react';
import type { SerializedError } from '../../../shared/errors.ts';
import { asError } from './errors.ts';

/**
 * A button's call to the engine: busy while it runs, its typed error kept for an ErrorNote, cleared
 * by the next success.
 */
export function useAction(action: () => Promise<void>): {
  busy: boolean;
  error: SerializedError | null;
  run: () => Promise<void>;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SerializedError | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      await action();
      setError(null);
    } catch (caught) {
      setError(asError(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}
