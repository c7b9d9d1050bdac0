/* global process, setTimeout, URL */
// One of several OS processes sending campaign commands that all land on ONE hot stream, through the
// BUILT packages (run `npx tsc -b` first), with the engine's default retry settings.
//   node hotStreamWriter.js TARGET SCHEMA BARRIER WRITERS WRITER STAGE COUNT DISTINCT
// TARGET is an SQLite file or a postgres:// URL (SCHEMA names the store's schema; '-' for SQLite).
// Every writer first writes BARRIER/ready-WRITER and waits for WRITERS such files, so they start together.
// STAGE evaluate: COUNT SubmitEvaluation of organization o1; command k = WRITER * COUNT + j names
//   evaluator p(k mod DISTINCT), so evaluators repeat across writers and evaluation.one-vote must refuse
//   every repeat.
// STAGE commend: Commend of o1..o4 (starting at o(WRITER mod 4)); the quota allows one.
// Prints one JSON line: outcome counts, refusals by rule, lost version races (appends refused with a
// ConcurrencyConflict), lock waits (withStreamLock calls) and the milliseconds spent in them.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { RATINGS } from '../../fixtures/campaignSetup.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const { createCampaignEngine } = await import(`${root}packages/campaign/dist/index.js`);

const [target, schema, barrier, writersArg, writerArg, stage, countArg, distinctArg] =
  process.argv.slice(2);
const writers = Number(writersArg);
const writer = Number(writerArg);
const count = Number(countArg);
const distinct = Number(distinctArg);

const open = async () => {
  if (/^postgres(ql)?:\/\//.test(target)) {
    const { createPostgresEventStore } = await import(
      `${root}packages/store-postgres/dist/index.js`
    );
    return createPostgresEventStore({ connectionString: target, schema, poolSize: 4 });
  }
  const { createSqliteEventStore } = await import(`${root}packages/store-sqlite/dist/index.js`);
  return createSqliteEventStore({ path: target });
};
const store = await open();

let lostRaces = 0;
let lockWaits = 0;
let lockWaitMs = 0;
const counted = new Proxy(store, {
  get(t, key) {
    const value = Reflect.get(t, key, t);
    if (key === 'appendMany')
      return async (...args) => {
        const r = await t.appendMany(...args);
        if (r._tag === 'Left' && r.left._tag === 'ConcurrencyConflict') lostRaces += 1;
        return r;
      };
    if (key === 'withStreamLock')
      return (ids, timeoutMs, fn, readAhead) => {
        lockWaits += 1;
        const asked = performance.now();
        return t.withStreamLock(
          ids,
          timeoutMs,
          () => {
            lockWaitMs += performance.now() - asked;
            return fn();
          },
          readAhead,
        );
      };
    return typeof value === 'function' ? value.bind(t) : value;
  },
});
// STRIVE_HOT_RETRY (JSON retry options) compares settings; the test runs the engine's defaults.
const engine = createCampaignEngine(counted, {
  retry: JSON.parse(process.env['STRIVE_HOT_RETRY'] ?? '{}'),
});

const org = (id) => ({ kind: 'organization', id });
const commands = [];
if (stage === 'evaluate')
  for (let j = 0; j < count; j++) {
    const evaluatorId = `p${(writer * count + j) % distinct}`;
    commands.push({
      type: 'SubmitEvaluation',
      id: `w${writer}-e${j}`,
      at: '2011-01-05T09:00:00+08:00',
      actor: { id: evaluatorId, role: 'public' },
      campaignId: 'hot',
      subject: org('o1'),
      evaluatorId,
      ratings: RATINGS,
    });
  }
else
  for (let j = 0; j < 4; j++)
    commands.push({
      type: 'Commend',
      id: `w${writer}-commend-${j}`,
      at: '2011-01-10T09:00:00+08:00',
      actor: { id: 'cc', role: 'committee' },
      campaignId: 'hot',
      subject: org(`o${((writer + j) % 4) + 1}`),
    });

// Warm up (connect, migrate check) before the barrier, so the writers really start together.
await store.head();
writeFileSync(join(barrier, `ready-${writer}`), '');
const giveUp = performance.now() + 60_000;
while (readdirSync(barrier).filter((f) => f.startsWith('ready-')).length < writers) {
  if (performance.now() > giveUp || existsSync(join(barrier, 'abort')))
    throw new Error(`writer ${writer}: the other writers never became ready`);
  await new Promise((r) => setTimeout(r, 5));
}

const outcomes = { accepted: 0, duplicate: 0, rejected: 0, conflict: 0, invalid: 0 };
const rules = {};
const started = performance.now();
for (const c of commands) {
  const o = await engine.handle(c);
  if (o._tag === 'Accepted') outcomes[o.duplicate ? 'duplicate' : 'accepted'] += 1;
  else if (o._tag === 'Rejected') {
    outcomes.rejected += 1;
    for (const f of o.failures) rules[f.ruleId] = (rules[f.ruleId] ?? 0) + 1;
  } else if (o._tag === 'Conflict') {
    outcomes.conflict += 1;
    if (outcomes.conflict <= 3) process.stderr.write(`writer ${writer}: ${JSON.stringify(o)}\n`);
  } else {
    outcomes.invalid += 1;
    process.stderr.write(`writer ${writer}: ${JSON.stringify(o)}\n`);
  }
}
const ms = performance.now() - started;
await store.close();
process.stdout.write(
  `${JSON.stringify({ writer, ...outcomes, rules, lostRaces, lockWaits, lockWaitMs: Math.round(lockWaitMs), ms: Math.round(ms) })}\n`,
);
