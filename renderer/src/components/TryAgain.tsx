import type { SerializedError } from '../../../shared/errors.ts';
import { ErrorNote } from './ErrorNote.tsx';

/** A view whose first answer failed: the engine's sentence, and a way to ask again. */
export function TryAgain({ error, onRetry }: { error: SerializedError; onRetry: () => void }) {
  return (
    <div className="view-error">
      <ErrorNote error={error} />
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
