import { generateCommands, type GenerateOptions } from '@strive/campaign';
import type { Io } from '../Io.js';
import { startProgress } from '../progress.js';
import { writeJsonLines } from '../writeJsonLines.js';

/** `strive generate`: a deterministic synthetic campaign as commands JSONL on standard output. Does I/O. */
export const generate = async (io: Io, options: GenerateOptions): Promise<number> => {
  await writeJsonLines(io, generateCommands(options), startProgress(io, 'generate', false));
  return 0;
};
