// Bundles the compiled CLI (dist/entry.js, after `tsc -b`) into dist/bundle/strive.js, which dist/bin.js
// runs while it is fresh, and lists the builds it was made from in dist/bundle/inputs.json.
// Native, PostgreSQL-only and lazily loaded packages (the OpenTelemetry SDK) stay outside. Run by `pnpm build`.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const dir = join(dist, 'bundle');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const output = await build({
  input: { strive: join(dist, 'entry.js'), lineHashWorker: join(dist, 'lineHashWorker.js') },
  platform: 'node',
  external: ['better-sqlite3', '@strive/store-postgres', /^pg($|\/)/, /^@opentelemetry\//],
  logLevel: 'warn',
  output: { dir, format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunk-[name].js' },
});
// What the bundle was built from, as the bin checks it (freshBundle): the tsc build info of each
// workspace package whose compiled modules went in, which `tsc -b` rewrites whenever it emits. A few
// stats at start instead of one per module (about 350); the bundled packages under node_modules keep
// their store's times after an install, so their stats said nothing.
const builds = new Set();
for (const chunk of output.output)
  if (chunk.type === 'chunk')
    for (const id of chunk.moduleIds) {
      const dist =
        isAbsolute(id) && !id.includes('/node_modules/') ? /^(.*\/dist)\//.exec(id) : null;
      if (dist !== null && existsSync(join(dist[1], '.tsbuildinfo')))
        builds.add(relative(dir, join(dist[1], '.tsbuildinfo')));
    }
writeFileSync(join(dir, 'inputs.json'), `${JSON.stringify([...builds].sort(), null, 1)}\n`);
