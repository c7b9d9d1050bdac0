import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * The text of a UTF-8 file, `size` bytes at a time, read synchronously: no hop to libuv's thread pool
 * per chunk, which on a busy machine (replay's second thread on the other core) left the reading
 * thread waiting for its reads. A character split between two reads comes whole in the second. Does
 * I/O.
 * @example for (const text of fileChunks('zz.log.jsonl', 65536)) count(text);
 */
export function* fileChunks(path: string, size: number): Iterable<string> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(size);
    const decoder = new StringDecoder('utf8');
    for (;;) {
      const read = readSync(fd, buf, 0, size, null);
      if (read === 0) break;
      yield decoder.write(buf.subarray(0, read));
    }
    const tail = decoder.end();
    if (tail !== '') yield tail;
  } finally {
    closeSync(fd);
  }
}
