// Bundles the compiled CLI (dist/entry.js, after `tsc -b`) into dist/bundle/strive.js, which dist/bin.js
// runs while it is fresh, and lists what it was built from in dist/bundle/inputs.json.
// Native, PostgreSQL-only and lazily loaded packages (the OpenTelemetry SDK) stay outside. Run by `pnpm build`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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
const inputs = new Set();
for (const chunk of output.output)
  if (chunk.type === 'chunk')
    for (const id of chunk.moduleIds) if (isAbsolute(id)) inputs.add(relative(dir, id));
writeFileSync(join(dir, 'inputs.json'), `${JSON.stringify([...inputs].sort(), null, 1)}\n`);
