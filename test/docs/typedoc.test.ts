import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('the API reference', () => {
  // typedoc converts the whole public surface: ~15-25 s of CPU, more on a loaded machine.
  it('builds from the JSDoc of every export with no warning', { timeout: 180_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'strive-typedoc-'));
    try {
      const run = spawnSync(
        process.execPath,
        [join(root, 'node_modules/typedoc/bin/typedoc'), '--treatWarningsAsErrors', '--out', out],
        { cwd: root, encoding: 'utf8' },
      );
      const output = `${run.stdout}${run.stderr}`;
      expect(output).not.toMatch(/\[warning\]|\[error\]/);
      expect(run.status, output).toBe(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
