/**
 * Unpacks the zip named on the command line with the import's own `expandInputs`, in a process
 * of its own (so a test can give it a file size limit), and prints what happened as JSON.
 */
import { expandInputs } from '../../electron/engine/sources/import/expand-inputs.ts';

try {
  const expanded = await expandInputs([process.argv[2]!]);
  expanded.dispose();
  console.log(JSON.stringify({ code: 'OK', message: '', pid: process.pid }));
} catch (error) {
  const { code, message } = error as { code?: string; message: string };
  console.log(JSON.stringify({ code, message, pid: process.pid }));
}
