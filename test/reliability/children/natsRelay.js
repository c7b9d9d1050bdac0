// Runs the NATS relay of a PostgreSQL schema's log as a leased worker until killed (or, with a target,
// until its checkpoint reaches it). Prints `ready`, `own TOKEN` when it takes the lease, and
// `commit CHECKPOINT PUBLISHED DUPLICATES` after each checkpoint commit.
// Usage: node natsRelay.js PG_URL SCHEMA OWNER NATS_URL PREFIX [TARGET]
import { createRequire } from 'node:module';
import process from 'node:process';
import { URL } from 'node:url';
import { runRelay, subjectOf } from '../../../packages/nats/dist/index.js';
import {
  createPostgresEventStore,
  postgresLeases,
} from '../../../packages/store-postgres/dist/index.js';

// The NATS clients are @strive/nats's dependencies, not the root's: resolve them from that package.
const fromNats = createRequire(new URL('../../../packages/nats/package.json', import.meta.url));
const { connect } = await import(fromNats.resolve('@nats-io/transport-node'));
const { jetstream } = await import(fromNats.resolve('@nats-io/jetstream'));

const [url, schema, owner, natsUrl, prefix, targetArg] = process.argv.slice(2);
const store = createPostgresEventStore({ connectionString: url, schema });
const nc = await connect({ servers: natsUrl });
const relay = runRelay({
  name: 'all',
  store,
  js: jetstream(nc),
  subject: subjectOf(prefix),
  leases: postgresLeases(store, { owner, leaseMs: 400 }),
  batchSize: 100,
  pollIntervalMs: 20,
  onOwnership: (owning, token) => {
    if (owning) process.stdout.write(`own ${token}\n`);
  },
  onCommit: (checkpoint, published, duplicates) => {
    process.stdout.write(`commit ${checkpoint} ${published} ${duplicates}\n`);
  },
});
process.stdout.write('ready\n');
if (targetArg !== undefined)
  void relay
    .waitFor(Number(targetArg))
    .then(() => relay.stop())
    .then(() => Promise.all([store.close(), nc.close()]));
await relay.done;
