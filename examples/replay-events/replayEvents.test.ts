import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignEngine, readReport, type Report } from '@strive/campaign';
import { createMemoryEventStore } from '@strive/eventlog';
import { replayEvents } from './replayEvents.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const commands = readFileSync(join(here, '..', 'data', 'zhengzhou-2010.commands.jsonl'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'strive-replay-events-'));
const log: string[] = [];
let original: Report;

/** The example campaign run through the engine, exported as `strive export` would. */
beforeAll(async () => {
  const store = createMemoryEventStore();
  const engine = createCampaignEngine(store);
  for (const line of commands.split('\n').filter((l) => l.trim() !== ''))
    await engine.handle(JSON.parse(line));
  for await (const e of store.readAll()) log.push(JSON.stringify(e));
  original = await readReport(engine);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('replayEvents', () => {
  it('rebuilds the report of the engine that wrote the log', async () => {
    expect(log.length).toBeGreaterThan(200);
    const replayed = await replayEvents(log);
    expect(replayed).toEqual(E.right(original));
  });

  it('replays a prefix of the log into the report of that moment', async () => {
    const replayed = await replayEvents(log.slice(0, 3));
    expect(E.isRight(replayed) && replayed.right.campaigns.map((c) => c.phase)).toEqual([
      'mobilizing',
    ]);
    expect(E.isRight(replayed) && replayed.right.subjects).toEqual([]);
  });

  it('stops at an altered, removed or foreign line, naming it', async () => {
    const edited = [...log];
    edited[99] = (edited[99] ?? '').replace('"schemaVersion":1', '"schemaVersion":2');
    const removed = log.filter((_, i) => i !== 49);
    expect(await replayEvents(edited)).toMatchObject(E.left({ _tag: 'ReplayFailure', line: 100 }));
    expect(await replayEvents(removed)).toMatchObject(E.left({ _tag: 'ReplayFailure', line: 50 }));
    expect(await replayEvents(['{"type":"LaunchCampaign"}'])).toMatchObject(
      E.left({ line: 1, reason: expect.stringMatching(/^not an event envelope/) as unknown }),
    );
    expect(await replayEvents(['', 'not json'])).toMatchObject(
      E.left({ line: 2, reason: 'not valid JSON' }),
    );
  });

  it('runs as a script printing the report as JSON, and exits 2 on an unreadable file', () => {
    const file = join(dir, 'log.jsonl');
    writeFileSync(file, `${log.join('\n')}\n`);
    const script = join(here, 'replayEvents.js');
    const ok = spawnSync(process.execPath, [script, file], { encoding: 'utf8' });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(JSON.parse(JSON.stringify(original)));
    const missing = spawnSync(process.execPath, [script, join(dir, 'missing.jsonl')], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^replay-events: cannot read .*missing\.jsonl: ENOENT\n$/);
  });
});
