import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freshBundle } from './freshBundle.js';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A dist directory with a bundle built at t=2000 s from one module written at `inputAt`. */
const distWith = (inputAt: number, inputs: unknown = ['../entry.js']): URL => {
  const dist = mkdtempSync(join(tmpdir(), 'strive-bundle-'));
  made.push(dist);
  mkdirSync(join(dist, 'bundle'));
  writeFileSync(join(dist, 'entry.js'), '');
  utimesSync(join(dist, 'entry.js'), inputAt, inputAt);
  writeFileSync(join(dist, 'bundle', 'strive.js'), '');
  utimesSync(join(dist, 'bundle', 'strive.js'), 2000, 2000);
  writeFileSync(join(dist, 'bundle', 'inputs.json'), JSON.stringify(inputs));
  return pathToFileURL(`${join(dist, 'bundle')}/`);
};

describe('freshBundle', () => {
  it('gives the bundle while no module it was built from is newer', () => {
    const dir = distWith(1000);
    expect(freshBundle(dir)).toBe(new URL('strive.js', dir).href);
  });

  it('gives nothing once a module was compiled again after the bundle (a bare tsc -b)', () => {
    expect(freshBundle(distWith(3000))).toBeUndefined();
  });

  it('gives nothing when the bundle, its list or one of its modules is missing or malformed', () => {
    expect(freshBundle(distWith(1000, ['../gone.js']))).toBeUndefined();
    expect(freshBundle(distWith(1000, {}))).toBeUndefined();
    expect(freshBundle(distWith(1000, []))).toBeUndefined();
    const dir = distWith(1000);
    rmSync(new URL('inputs.json', dir));
    expect(freshBundle(dir)).toBeUndefined();
    const noBundle = distWith(1000);
    rmSync(new URL('strive.js', noBundle));
    expect(freshBundle(noBundle)).toBeUndefined();
  });
});
