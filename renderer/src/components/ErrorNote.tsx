import type { SerializedError } from '../../../shared/errors.ts';

/**
 * An engine error as the person reads it: the sentence alone, and the code in a disclosure for
 * support (the same code `brief … --json` prints), so no code is glued to the sentence.
 */
export function ErrorNote({ error }: { error: SerializedError | null }) {
  if (!error) return null;
  return (
    <div className="error-note" role="alert">
      <p className="error-note__message">{error.message}</p>
      <details className="error-note__details">
        <summary>Details</summary>
        <p>
          Error code <code>{error.code}</code>, as a support request or <code>--json</code> output names it.
        </p>
      </details>
    </div>
  );
}
