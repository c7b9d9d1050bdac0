import { describe, expect, it } from 'vitest';
import { decodeUtf8Lines, isNotUtf8 } from './decodeUtf8Lines.js';

async function* latin1(...lines: Buffer[]): AsyncIterable<string> {
  for (const l of lines) yield await Promise.resolve(l.toString('latin1'));
}

const all = async (it: AsyncIterable<unknown>): Promise<unknown[]> => {
  const out: unknown[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe('decodeUtf8Lines', () => {
  it('decodes UTF-8, drops a leading BOM once, and marks a line that is not UTF-8', async () => {
    const lines = await all(
      decodeUtf8Lines(
        latin1(
          Buffer.from('\uFEFF{"a":"创"}'),
          Buffer.from('\uFEFFkept'),
          Buffer.concat([Buffer.from('ab'), Buffer.from([0xc3, 0x28])]),
          Buffer.from('plain'),
        ),
      ),
    );
    expect(lines[0]).toBe('{"a":"创"}');
    expect(lines[1]).toBe('\uFEFFkept');
    expect(isNotUtf8(lines[2]) && lines[2].reason).toBe(
      'not valid UTF-8 (byte 0x28 at byte 4 of the line)',
    );
    expect(lines[3]).toBe('plain');
  });
});
