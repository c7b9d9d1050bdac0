import { readFile } from 'node:fs/promises';
import { createMemoryEventStore } from '@strive/eventlog';
import { describe, expect, it } from 'vitest';
import { runTutorial } from './runTutorial.js';

const outputOf = async (store = createMemoryEventStore()): Promise<string[]> => {
  const lines: string[] = [];
  await runTutorial(store, (line) => lines.push(line));
  return lines;
};

/** The ```text block that follows `<!-- output: runTutorial -->` in docs/tutorial.md. */
const documentedOutput = async (): Promise<string[]> => {
  const page = await readFile(new URL('../../../docs/tutorial.md', import.meta.url), 'utf8');
  const match = /<!-- output: runTutorial -->\s*```text\n([\s\S]*?)\n```/.exec(page);
  if (match?.[1] === undefined) throw new Error('docs/tutorial.md lost its output block');
  return match[1].split('\n');
};

describe('the tutorial run', () => {
  it('prints exactly the output the tutorial page shows', async () => {
    expect(await outputOf()).toEqual(await documentedOutput());
  });

  it('answers every command as a duplicate when run again on the same store', async () => {
    const store = createMemoryEventStore();
    await outputOf(store);
    const again = await outputOf(store);
    const handled = again.filter((l) => /^c\d+ /.test(l));
    expect(
      handled.every((l) => l.endsWith('duplicate, nothing appended') || l.includes('rejected')),
    ).toBe(true);
    expect(again.at(-1)).toBe('chain verified: 9 events');
  });
});
