// Runs the `tally` reactor on a PostgreSQL schema as a leased worker until killed (or, with a target,
// until its checkpoint reaches it): each `Noted` event becomes one `Count` command on `tally-main`.
// Prints `ready` once running, `own TOKEN` when it takes the lease, `commit CHECKPOINT DUPLICATES` after each commit.
// Usage: node tallyReactor.js PG_URL SCHEMA OWNER [TARGET]
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';
import * as t from 'io-ts';
import {
  accept,
  createEngine,
  defineCommand,
  defineReactor,
  defineWorkflow,
  runReactor,
} from '../../../packages/engine/dist/index.js';
import {
  createPostgresEventStore,
  postgresLeases,
} from '../../../packages/store-postgres/dist/index.js';

// xstate is the engine's dependency, not the root's: resolve it from the engine package.
const fromEngine = createRequire(new URL('../../../packages/engine/package.json', import.meta.url));
const { setup } = await import(fromEngine.resolve('xstate'));

const [url, schema, owner, targetArg] = process.argv.slice(2);
const target = targetArg === undefined ? Infinity : Number(targetArg);
const machine = setup({ types: { context: {} } }).createMachine({
  context: { n: 0 },
  initial: 'open',
  states: { open: { on: { Counted: {} } } },
});
const tally = defineWorkflow({
  name: 'tally',
  version: 1,
  machine,
  events: { Counted: t.strict({ noteId: t.string }) },
  evolve: { Counted: (c) => ({ n: c.n + 1 }) },
});
const count = defineCommand({
  type: 'Count',
  fields: { tally: t.string, noteId: t.string },
  workflow: tally,
  streamId: (c) => `tally-${c.tally}`,
  decide: ({ noteId }) => accept(tally.event('Counted', { noteId })),
});
const reactor = defineReactor({
  name: 'tally',
  on: ['Noted'],
  react: (event, { at }) => [
    {
      type: 'Count',
      at,
      actor: { id: 'bot', role: 'system' },
      tally: 'main',
      noteId: event.streamId,
    },
  ],
});
const store = createPostgresEventStore({ connectionString: url, schema });
const engine = createEngine({ store, commands: [count] });
let duplicates = 0;
const counting = {
  handle: async (input) => {
    const o = await engine.handle(input);
    if (o._tag === 'Accepted' && o.duplicate) duplicates += 1;
    return o;
  },
};
const runner = runReactor({
  engine: counting,
  store,
  reactor,
  leases: postgresLeases(store, { owner, leaseMs: 400 }),
  batchSize: 20,
  pollIntervalMs: 20,
  onOwnership: (owning, token) => {
    if (owning) process.stdout.write(`own ${token}\n`);
  },
  onCommit: (checkpoint) => {
    process.stdout.write(`commit ${checkpoint} ${duplicates}\n`);
  },
});
if (target !== Infinity)
  void runner
    .waitFor(target)
    .then(() => runner.stop())
    .then(() => store.close());
process.stdout.write('ready\n');
await runner.done;
