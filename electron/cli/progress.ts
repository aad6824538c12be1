/** A one-line progress bar on stderr (redrawn in place on a terminal, a line per step otherwise). */
import type { Events } from '../../shared/contract.ts';

export function createProgressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastLine = '';
  return {
    update(progress: Events['job-progress']) {
      const percent = progress.percentage ?? 0;
      const width = 28;
      const filled = Math.round((percent / 100) * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const eta = progress.etaSeconds === null ? '' : `  ETA ${progress.etaSeconds}s`;
      const line = `${bar} ${String(percent).padStart(3)}%  ${progress.step ?? ''}${eta}`;
      if (stream.isTTY) stream.write(`\r${line.padEnd(lastLine.length)}`);
      else if (line !== lastLine && percent % 10 === 0) stream.write(`${line}\n`);
      lastLine = line;
    },
    done() {
      if (stream.isTTY && lastLine) stream.write('\n');
      lastLine = '';
    },
  };
}
