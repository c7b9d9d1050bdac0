import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCurrentExport } from './currentExport.js';

const dir = mkdtempSync(join(tmpdir(), 'strive-current-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('isCurrentExport', () => {
  it('reuses only a log in the current export format', () => {
    const file = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    expect(isCurrentExport(file('current.jsonl', '{"data":{},"eventId":"e"}\n'))).toBe(true);
    expect(isCurrentExport(file('earlier.jsonl', '{"eventId":"e","data":{}}\n'))).toBe(false);
    expect(isCurrentExport(file('empty.jsonl', ''))).toBe(false);
    expect(isCurrentExport(join(dir, 'missing.jsonl'))).toBe(false);
  });
});
