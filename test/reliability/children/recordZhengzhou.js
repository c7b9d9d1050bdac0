// Records the golden files of the determinism test with the built CLI: `strive run` of
// examples/data/zhengzhou-2010.commands.jsonl into a fresh SQLite file, then `strive export` into
// test/fixtures/zhengzhou-2010.events.jsonl, and the state it replays to into
// test/fixtures/zhengzhou-2010.state.json (event count, head hash, state hash).
// Run only when the recorded history is meant to change: node test/reliability/children/recordZhengzhou.js
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { StoredEventCodec } from '../../../packages/eventlog/dist/index.js';
import { stateOf } from './stateOfLog.js';

const at = (p) => fileURLToPath(new URL(p, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'strive-golden-'));
const db = join(dir, 'zz.db');
const cli = at('../../../packages/cli/dist/bin.js');
try {
  execFileSync(
    process.execPath,
    [cli, 'run', at('../../../examples/data/zhengzhou-2010.commands.jsonl'), '--db', db],
    {
      stdio: 'ignore',
    },
  ).toString();
} catch {
  // `run` exits 1 because the example has refused lines on purpose.
}
const exported = execFileSync(process.execPath, [cli, 'export', '--db', db], {
  maxBuffer: 1 << 28,
}).toString();
rmSync(dir, { recursive: true, force: true });
const events = exported
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => {
    const d = StoredEventCodec.decode(JSON.parse(l));
    if (d._tag === 'Left') throw new Error('export printed a line that is not an event');
    return d.right;
  });
writeFileSync(at('../../fixtures/zhengzhou-2010.events.jsonl'), exported);
writeFileSync(
  at('../../fixtures/zhengzhou-2010.state.json'),
  `${JSON.stringify({ events: events.length, headHash: events[events.length - 1]?.hash, stateHash: stateOf(events).stateHash }, null, 2)}\n`,
);
