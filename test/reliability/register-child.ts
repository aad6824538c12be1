/**
 * One of several processes registering one Gmail address on one database at once, again and
 * again (what the app's sign-in, `brief connect` and the rebuild after a damaged store do): waits
 * for the shared start time, then registers the address and cancels its queued sync, so the next
 * registration queues one again, and prints how many registrations answered CONFLICT.
 * Arguments: database path, how many rounds, start time (ms since the epoch).
 */
import { Engine } from '../../electron/engine/engine.ts';

const [databasePath, rounds, startAt] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const ADDRESS = 'person@gmail.example';
const isConflict = (error: unknown) => (error as { code?: unknown }).code === 'CONFLICT';

const engine = Engine.open({ databasePath });
let conflicts = 0;
// A busy wait: the processes must start registering within the same millisecond.
while (Date.now() < startAt) {}
for (let round = 0; round < rounds; round++) {
  let accountId: number;
  try {
    accountId = (await engine.call('accounts.registerGmail', { address: ADDRESS })).id;
  } catch (error) {
    if (!isConflict(error)) throw error;
    conflicts++;
    continue;
  }
  const { jobs } = await engine.call('jobs.list', { accountId, status: 'pending' });
  for (const job of jobs) {
    // Another process may have cancelled it first: that CONFLICT is expected.
    await engine.call('jobs.cancel', { jobId: job.id }).catch((error: unknown) => {
      if (!isConflict(error)) throw error;
    });
  }
}
await engine.close();
process.stdout.write(`${conflicts}\n`);
