/** `brief` run from the sources, as bin/brief.js runs the built bundle: for tests that need a real process. */
import { main } from '../../electron/cli/brief.ts';

process.exitCode = await main(process.argv.slice(2));
