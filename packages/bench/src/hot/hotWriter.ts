// One W6 writer process: `node dist/hot/hotWriter.js '<WriterArgs JSON>'`. Prints `ready` once its
// connections are open and its states loaded, waits for a line on standard input, then sends hot
// commands for `seconds` and prints its `WriterReport` as one JSON line.
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { createCampaignEngine } from '@strive/campaign';
import { createPostgresEventStore } from '@strive/store-postgres';
import { countedStore, emptyLockProfile } from './countedStore.js';
import { hotCampaign, hotCommand, type Json } from './hotCommands.js';
import { openRawHot } from './rawHot.js';
import { writerArgs, type WriterReport } from './writerArgs.js';

const args = writerArgs(process.argv[2] ?? '');
const { template, warm } = hotCampaign();
/** The lock settings of W6_STORE's JSON (other keys ignored). Pure; throws on text that is not JSON. */
const storeOptions = (
  text: string | undefined,
): { lockLingerMs?: number; lockMaxHoldMs?: number } => {
  const u: unknown = JSON.parse(text ?? '{}');
  const num = (k: string): number | undefined => {
    const v: unknown =
      typeof u === 'object' && u !== null && k in u ? Reflect.get(u, k) : undefined;
    return typeof v === 'number' ? v : undefined;
  };
  const linger = num('lockLingerMs');
  const maxHold = num('lockMaxHoldMs');
  return {
    ...(linger === undefined ? {} : { lockLingerMs: linger }),
    ...(maxHold === undefined ? {} : { lockMaxHoldMs: maxHold }),
  };
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Sends commands until `seconds` after the start; counts what `send` says. Does I/O. */
const drive = async (
  send: (c: Json) => Promise<'accepted' | 'refused' | 'conflict'>,
): Promise<{ done: number; accepted: number; conflicts: number; ms: number }> => {
  const lines = createInterface({ input: process.stdin });
  process.stdout.write('ready\n');
  for await (const _ of lines) break;
  lines.close();
  const started = performance.now();
  const until = started + args.seconds * 1000;
  let done = 0;
  let accepted = 0;
  let conflicts = 0;
  while (performance.now() < until) {
    const r = await send(hotCommand(template, args.writer, done));
    done += 1;
    if (r === 'accepted') accepted += 1;
    if (r === 'conflict') conflicts += 1;
  }
  return { done, accepted, conflicts, ms: performance.now() - started };
};

const report = async (): Promise<WriterReport> => {
  if (args.side === 'raw') {
    let delay = 5;
    let lostRaces = 0;
    const raw = await openRawHot(args.url, args.schema, async (attempt) => {
      // Decorrelated jitter, 5-200 ms, as the engine's unlocked retries.
      delay = attempt === 1 ? 5 : Math.min(200, 5 + Math.random() * (Math.max(5, delay * 3) - 5));
      await sleep(delay);
    });
    const d = await drive(async (c) => {
      lostRaces += await raw.send(c);
      return 'accepted';
    });
    await raw.close();
    const none = { lockWaits: 0, waitMs: 0, holdMs: 0, heldReadMs: 0, heldAppendMs: 0 };
    return { ...d, ...none, heldLookupMs: 0, lostRaces };
  }
  const opened = createPostgresEventStore({
    connectionString: args.url,
    schema: args.schema,
    poolSize: args.poolSize,
    // W6_STORE (JSON store options, e.g. {"lockLingerMs":0}) compares lock settings by hand.
    ...storeOptions(process.env['W6_STORE']),
  });
  const { store, profile } = countedStore(opened);
  // W6_RETRY (JSON retry options) compares settings by hand; the bench runs the engine's defaults.
  const retry: unknown = JSON.parse(process.env['W6_RETRY'] ?? '{}');
  const engine = createCampaignEngine(store, {
    retry: typeof retry === 'object' && retry !== null ? retry : {},
  });
  // Load the campaign and subject states before the start (a rule refusal is fine here).
  await engine.handle({ ...hotCommand(template, args.writer, -1), id: `warm-${args.writer}` });
  // Warm the process's code (as a long-running server's is) on the other subject's stream.
  for (let j = 0; j < args.warmup; j++) {
    const c = hotCommand(warm, args.writer, j);
    await engine.handle({ ...c, id: `warm-${String(c['id'])}` });
  }
  // The figures are of the measured window only.
  Object.assign(profile, emptyLockProfile());
  const d = await drive(async (c) => {
    const o = await engine.handle(c);
    if (o._tag === 'Accepted') return 'accepted';
    if (o._tag === 'Conflict') return 'conflict';
    if (o._tag === 'Rejected') return 'refused';
    throw new Error(`hotWriter: ${JSON.stringify(o)}`);
  });
  await opened.close();
  const round = (n: number): number => Math.round(n);
  return {
    ...d,
    lostRaces: profile.lostRaces,
    lockWaits: profile.lockWaits,
    waitMs: round(profile.waitMs),
    holdMs: round(profile.holdMs),
    heldReadMs: round(profile.heldReadMs),
    heldAppendMs: round(profile.heldAppendMs),
    heldLookupMs: round(profile.heldLookupMs),
  };
};

process.stdout.write(`${JSON.stringify(await report())}\n`);
