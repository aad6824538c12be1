/**
 * The one way past the contract into an engine's services, for tests and the bench: they set up
 * states no contract method makes (a half-claimed job, a damaged row, a stored cursor) and read
 * tables directly. Not exported from index.ts, and biome.json refuses an import of this file (and
 * of servicesOfEngine) anywhere in electron/, shared/ or renderer/: the app, the CLI and the
 * bridge go through `engine.call` (shared/contract.ts).
 */
// biome-ignore lint/style/noRestrictedImports: this module is the accessor the rule leaves open to tests.
import { type Engine, type EngineServices, servicesOfEngine } from './engine.ts';

export function engineServicesForTests(engine: Engine): EngineServices {
  return servicesOfEngine(engine);
}
