/** vitest's global setup (both configurations): the corpora gate of test/paths.ts. */
import { corporaGate } from './paths.ts';

export default function globalSetup(): void {
  corporaGate(process.env);
}
