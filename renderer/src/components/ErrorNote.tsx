import type { SerializedError } from '../../../shared/errors.ts';

/** An engine error as the person reads it: the sentence first, the code for support. */
export function ErrorNote({ error }: { error: SerializedError | null }) {
  if (!error) return null;
  return (
    <p className="error-note" role="alert">
      {error.message} <span className="error-note__code">({error.code})</span>
    </p>
  );
}
