import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/tutorial.md states how big the expense claim is (issue #18's goal: at most 150 lines with its
// projection and tests); these figures are recounted from the files, by the rule the page states.
const root = join(import.meta.dirname, '..', '..');
const page = readFileSync(join(root, 'docs', 'tutorial.md'), 'utf8').replace(/\s+/g, ' ');
const files = [
  'claimWorkflow.ts',
  'claimCommands.ts',
  'claimsProjection.ts',
  'claimWorkflow.test.ts',
];
const lines = (file: string): string[] =>
  readFileSync(join(root, 'examples', 'tutorial', 'src', file), 'utf8')
    .split('\n')
    .slice(0, -1);
const isCode = (line: string): boolean => !/^\s*$|^\s*(\/\/|\/\*\*|\*)/.test(line);

describe('the size of the tutorial claim', () => {
  it('is at most 150 lines, as the page counts them', () => {
    const counts = files.map((file) => lines(file).length);
    const total = counts.reduce((a, b) => a + b, 0);
    const code = files.flatMap(lines).filter(isCode).length;
    expect(total).toBeLessThanOrEqual(150);
    const stated = new RegExp(
      `\`${files[0]}\` \\((\\d+) lines\\), \`${files[1]}\` \\((\\d+)\\), \`${files[2]}\` \\((\\d+)\\) and \`${files[3]}\` \\((\\d+)\\), \\*\\*(\\d+) lines\\*\\*.*?; (\\d+) of them are neither blank`,
    ).exec(page);
    expect(stated?.slice(1).map(Number)).toEqual([...counts, total, code]);
  });

  it('names at most six concepts before the first accepted command', () => {
    const section = /## 2\. (\w+) concepts to the first accepted command(.*?)## 3\./.exec(page);
    const concepts = section?.[2]?.match(/ \d\. \*\*/g) ?? [];
    expect(section?.[1]).toBe('Six');
    expect(concepts.length).toBe(6);
  });
});
