/**
 * Whether a process id belongs to a running process: files named after the process that made them
 * (unpacking folders, partly written snapshots) are left alone while it runs and removed after.
 */
export function isRunning(pid: number): boolean {
  // kill(0) and kill(-n) signal process groups (ours among them), not one process: such a number
  // in a file name was never a process's own, so nothing runs under it.
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
