/** A line of input that is not UTF-8: the line number and a sentence saying where. */
export interface NotUtf8 {
  readonly _tag: 'NotUtf8';
  readonly reason: string;
}

/** Whether a line is a `NotUtf8`. Pure. */
export const isNotUtf8 = (u: unknown): u is NotUtf8 =>
  typeof u === 'object' && u !== null && '_tag' in u && u._tag === 'NotUtf8';

const ASCII = /^[\x20-\x7e\t]*$/;
const FATAL = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes lines read as Latin-1 (one character per byte) as strict UTF-8: an invalid sequence makes
 * the line a `NotUtf8` instead of being replaced by U+FFFD; a byte-order mark at the start of the
 * first line is dropped. Pure over its input; linear in its bytes.
 */
export async function* decodeUtf8Lines(
  latin1Lines: AsyncIterable<string>,
): AsyncIterable<string | NotUtf8> {
  let first = true;
  for await (const raw of latin1Lines) {
    let line: string;
    if (ASCII.test(raw)) line = raw;
    else {
      const bytes = Buffer.from(raw, 'latin1');
      try {
        line = FATAL.decode(bytes);
      } catch {
        const at = firstInvalidByte(bytes);
        yield {
          _tag: 'NotUtf8',
          reason: `not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte ${at + 1} of the line)`,
        };
        first = false;
        continue;
      }
    }
    if (first && line.startsWith('\uFEFF')) line = line.slice(1);
    first = false;
    yield line;
  }
}

/** The index of the first byte where strict UTF-8 decoding fails. Pure. */
const firstInvalidByte = (bytes: Buffer): number => {
  for (let end = 1; end <= bytes.length; end++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    } catch {
      return end - 1;
    }
  }
  return bytes.length - 1;
};
