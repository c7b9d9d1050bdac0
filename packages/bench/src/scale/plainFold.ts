import { createReadStream } from 'node:fs';

/**
 * The reference of `strive replay`: a plain JSON.parse-and-fold of an exported log, streamed in the
 * same 64 KiB chunks, counting events per type and per stream (no decoding, no hash). Prints its
 * events. Run as a child process (`node plainFold.js FILE`), like the CLI. Does I/O.
 */
const plainFold = async (file: string): Promise<number> => {
  let rest = '';
  let events = 0;
  const byType = new Map<string, number>();
  const byStream = new Map<string, number>();
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const text = rest + String(chunk);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      const e: unknown = JSON.parse(text.slice(start, end));
      start = end + 1;
      if (typeof e !== 'object' || e === null || !('type' in e) || !('streamId' in e)) continue;
      const type = String(e.type);
      const stream = String(e.streamId);
      byType.set(type, (byType.get(type) ?? 0) + 1);
      byStream.set(stream, (byStream.get(stream) ?? 0) + 1);
      events += 1;
    }
    rest = text.slice(start);
  }
  return events;
};

const file = process.argv[2];
if (file === undefined) throw new Error('usage: node plainFold.js FILE');
process.stdout.write(`${await plainFold(file)}\n`);
