import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codeBlocks,
  markdownPages,
  quotedText,
  quoteOf,
  readPage,
  type CodeBlock,
} from './docsCode.js';

const root = join(import.meta.dirname, '..', '..');
const docs = join(root, 'docs');
/** Pages whose every ts block must quote a real, tested file (the tutorial and the guides). */
const mustQuote = (page: string): boolean => /^docs\/(tutorial\.md|guides\/)/.test(page);

const allBlocks = async (): Promise<CodeBlock[]> => {
  const blocks: CodeBlock[] = [];
  for (const path of await markdownPages(docs))
    blocks.push(...codeBlocks(relative(root, path), await readPage(path)));
  return blocks;
};

describe('code in docs/', () => {
  it('quotes every marked ts block exactly from the file (or region) it names', async () => {
    const problems: string[] = [];
    for (const block of await allBlocks()) {
      const quote = block.lang === 'ts' || block.lang === 'js' ? quoteOf(block) : undefined;
      if (quote === undefined) continue;
      const file = join(root, quote.path);
      if (!existsSync(file)) {
        problems.push(`${block.page}:${block.line}: ${quote.path} does not exist`);
        continue;
      }
      const expected = quotedText(readFileSync(file, 'utf8'), quote.region);
      if (expected === undefined)
        problems.push(`${block.page}:${block.line}: no region ${quote.region} in ${quote.path}`);
      else if (expected !== quote.body.trimEnd())
        problems.push(
          `${block.page}:${block.line}: differs from ${quote.path}${quote.region === undefined ? '' : `#${quote.region}`}`,
        );
    }
    expect(problems).toEqual([]);
  });

  it('leaves no unquoted ts block in the tutorial or the guides', async () => {
    const loose = (await allBlocks())
      .filter(
        (b) =>
          mustQuote(b.page) && (b.lang === 'ts' || b.lang === 'js') && quoteOf(b) === undefined,
      )
      .map((b) => `${b.page}:${b.line}`);
    expect(loose).toEqual([]);
  });

  it('notices a quote that drifted from its file', () => {
    const file = 'a\n  // #region r\n  const x = 1;\n  // #endregion r\n';
    expect(quotedText(file, 'r')).toBe('const x = 1;');
    expect(quotedText(file, 'missing')).toBeUndefined();
    const [block] = codeBlocks('p.md', '```ts\n// examples/x.ts#r\nconst x = 2;\n```\n');
    const quote = block === undefined ? undefined : quoteOf(block);
    expect(quote?.region).toBe('r');
    expect(quote?.body).not.toBe(quotedText(file, 'r'));
  });
});
