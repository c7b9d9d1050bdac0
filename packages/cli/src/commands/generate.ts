import { generateCommands, type GenerateOptions } from '../generateCommands.js';
import type { Io } from '../Io.js';
import { startProgress } from '../progress.js';

/** `strive generate`: a deterministic synthetic campaign as commands JSONL on standard output. Does I/O. */
export const generate = async (io: Io, options: GenerateOptions): Promise<number> => {
  const progress = startProgress(io, 'generate', false);
  let chunk = '';
  let n = 0;
  for (const command of generateCommands(options)) {
    chunk += `${JSON.stringify(command)}\n`;
    if (++n % 1000 === 0) {
      await io.outFlowing(chunk);
      chunk = '';
      progress.tick(1000);
    }
  }
  if (chunk !== '') await io.outFlowing(chunk);
  progress.stop();
  return 0;
};
