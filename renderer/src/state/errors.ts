import type { SerializedError } from '../../../shared/errors.ts';
import { toSerializedError } from '../../../shared/errors.ts';

/** Any rejection as the `{ code, message }` the UI shows; unknown failures keep no stack. */
export function asError(error: unknown): SerializedError {
  return toSerializedError(error);
}
