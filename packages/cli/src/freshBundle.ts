import { readFileSync, statSync } from 'node:fs';

/** Where `scripts/bundle.js` writes the bundled CLI, beside `bin.js`. */
export const BUNDLE_DIR = new URL('./bundle/', import.meta.url);

/**
 * The URL of the bundled CLI in `dir` (`strive.js`) when it is newer than every file listed in
 * `inputs.json` (relative to `dir`: the tsc build info of each package it was built from, which `tsc
 * -b` rewrites whenever it emits); `undefined` when it is missing or stale, e.g. after a bare `tsc -b`,
 * so that the caller runs the compiled modules instead. Does I/O (a few stats).
 * @example await import(freshBundle(BUNDLE_DIR) ?? './entry.js');
 */
export const freshBundle = (dir: URL): string | undefined => {
  const bundle = new URL('strive.js', dir);
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs: unknown = JSON.parse(readFileSync(new URL('inputs.json', dir), 'utf8'));
    if (!Array.isArray(inputs) || inputs.length === 0) return undefined;
    for (const input of inputs)
      if (typeof input !== 'string' || statSync(new URL(input, dir)).mtimeMs > built)
        return undefined;
    return bundle.href;
  } catch {
    return undefined;
  }
};
