import { useState } from 'react';
import type { SerializedError } from '../../../shared/errors.ts';
import { asError } from '../state/errors.ts';

export interface FileSave {
  busy: boolean;
  /** Where the last save put its file; null before, while saving, or when a dialog was cancelled. */
  saved: string | null;
  error: SerializedError | null;
  start(): Promise<void>;
}

/**
 * A button that writes a file (Save as HTML, Export diagnostics): busy while it runs, then where
 * the file went, or the engine's sentence. `write` answers the file's name or path, or null when
 * the person cancelled the save dialog.
 */
export function useFileSave(write: () => Promise<string | null>): FileSave {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<SerializedError | null>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      setSaved(await write());
    } catch (failure) {
      setError(asError(failure));
    } finally {
      setBusy(false);
    }
  };
  return { busy, saved, error, start };
}
