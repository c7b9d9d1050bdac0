import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** A fenced code block of a Markdown page. */
export interface CodeBlock {
  readonly page: string;
  readonly line: number;
  readonly lang: string;
  readonly body: string;
}

/** What a `// path` or `// path#region` first line of a ts block quotes. */
export interface Quote {
  readonly path: string;
  readonly region: string | undefined;
  readonly body: string;
}

const QUOTE = /^\/\/ ((?:examples|packages|test)\/[\w./-]+\.(?:ts|js))(?:#([\w-]+))?$/;

/** Every Markdown page under `dir` (recursively), skipping generated `api/`. I/O. */
export const markdownPages = async (dir: string, root = dir): Promise<string[]> => {
  const pages: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && relative(root, path) !== 'api')
      pages.push(...(await markdownPages(path, root)));
    else if (entry.isFile() && entry.name.endsWith('.md')) pages.push(path);
  }
  return pages.sort();
};

/** The fenced code blocks of a page, with the line each starts on. Pure. */
export const codeBlocks = (page: string, text: string): CodeBlock[] => {
  const blocks: CodeBlock[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i] ?? '');
    if (open === null) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    if (end < 0) throw new Error(`${page}:${i + 1}: unclosed code block`);
    blocks.push({
      page,
      line: i + 1,
      lang: open[1] ?? '',
      body: lines.slice(i + 1, end).join('\n'),
    });
    i = end;
  }
  return blocks;
};

/** The quote a block declares on its first line, if any. Pure. */
export const quoteOf = (block: CodeBlock): Quote | undefined => {
  const [first = '', ...rest] = block.body.split('\n');
  const m = QUOTE.exec(first);
  if (m?.[1] === undefined) return undefined;
  return { path: m[1], region: m[2], body: rest.join('\n') };
};

const dedent = (lines: readonly string[]): string => {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0);
  const cut = Math.min(...indents);
  return lines.map((l) => l.slice(cut)).join('\n');
};

/** The text a quote must equal: the whole file, or the dedented lines of `// #region name`. Pure. */
export const quotedText = (file: string, region: string | undefined): string | undefined => {
  if (region === undefined) return file.trimEnd();
  const lines = file.split('\n');
  const start = lines.findIndex((l) => l.trim() === `// #region ${region}`);
  const end = lines.findIndex((l, i) => i > start && l.trim() === `// #endregion ${region}`);
  return start < 0 || end < 0 ? undefined : dedent(lines.slice(start + 1, end));
};

/** Reads a page. I/O. */
export const readPage = (path: string): Promise<string> => readFile(path, 'utf8');
