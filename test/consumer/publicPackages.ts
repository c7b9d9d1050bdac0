import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { ROOT } from '../support/runCli.js';

/** A package of `packages/` that is published: its `package.json` does not say `"private": true`. */
export interface PublicPackage {
  readonly name: string;
  readonly dir: string;
}

const Manifest = t.intersection([t.type({ name: t.string }), t.partial({ private: t.boolean })]);

/**
 * Every public package under `packages/`, read from their manifests (a new package is picked up with
 * no list to edit), sorted by directory. Does I/O.
 */
export const publicPackages = (): PublicPackage[] =>
  readdirSync(join(ROOT, 'packages'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(ROOT, 'packages', d.name))
    .sort()
    .flatMap((dir) => {
      const manifest = Manifest.decode(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')));
      if (E.isLeft(manifest)) throw new Error(`${dir}/package.json has no name`);
      return manifest.right.private === true ? [] : [{ name: manifest.right.name, dir }];
    });
