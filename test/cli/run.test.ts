import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_COMMANDS,
  jsonLines,
  oneErrorLine,
  storeDigest,
  tempDir,
} from '../support/cliFixtures.js';
import { asArray, asRecord, readExampleExpectations } from '../support/exampleExpectations.js';
import { runCli, type CliRun } from '../support/runCli.js';

// `strive run` end to end on the built CLI: the Zhengzhou 2010 example (248 lines, every outcome kind)
// in --json and human form, on an SQLite file, on :memory: and from standard input.

const tmp = tempDir('cli-run');
const db = tmp.path('example.db');
const exampleText = readFileSync(EXAMPLE_COMMANDS, 'utf8');
const exampleLines = exampleText.split('\n').filter((l) => l.trim() !== '');
const expected = readExampleExpectations();
let json: CliRun;
let human: CliRun;
let fromStdin: CliRun;

beforeAll(async () => {
  [json, human, fromStdin] = await Promise.all([
    runCli(['run', EXAMPLE_COMMANDS, '--db', db, '--json']),
    runCli(['run', EXAMPLE_COMMANDS, '--db', ':memory:']),
    runCli(['run', '-', '--db', ':memory:', '--json'], { input: exampleText }),
  ]);
});
afterAll(() => tmp.remove());

describe('strive run --json on the example campaign', () => {
  it('prints one object per input line, in input order, and exits 1 because some lines are refused', () => {
    expect(json.stderr).toBe('');
    expect(json.code).toBe(1);
    const results = jsonLines(json.stdout).map((u) => asRecord(u));
    expect(results.map((r) => r['line'])).toEqual(exampleLines.map((_, i) => i + 1));
    expect(results.map((r) => r['id'])).toEqual(expected.lines.map((e) => e.id));
    expect(results.map((r) => r['type'])).toEqual(expected.lines.map((e) => e.type));
  });

  it('gives every line the outcome the example expects, in exactly the shape of docs/cli.md', () => {
    const results = jsonLines(json.stdout).map((u) => asRecord(u));
    for (const e of expected.lines) {
      const r = results[e.line - 1] ?? {};
      const where = `line ${e.line} (${e.id})`;
      if (e.expect === 'accepted') {
        expect(Object.keys(r), where).toEqual(['line', 'id', 'type', 'ok', 'events']);
        expect(r['ok'], where).toBe(true);
        const events = asArray(r['events'], where);
        expect(events.length, where).toBeGreaterThan(0);
        for (const t of events) expect(t, where).toMatch(/^[A-Z][A-Za-z]+$/);
      } else if (e.expect === 'duplicate') {
        expect(r, where).toEqual({
          line: e.line,
          id: e.id,
          type: e.type,
          ok: true,
          duplicate: true,
          events: [],
        });
      } else {
        expect(Object.keys(r), where).toEqual(['line', 'id', 'type', 'ok', 'error']);
        expect(r['ok'], where).toBe(false);
        const error = asRecord(r['error'], where);
        expect(Object.keys(error), where).toEqual(['kind', 'rules', 'message']);
        expect(typeof error['message'] === 'string' && error['message'] !== '', where).toBe(true);
        if (e.expect === 'invalid') {
          expect(error['kind'], where).toBe('invalid');
          expect(error['rules'], where).toEqual([]);
        } else {
          expect(error['kind'], where).toBe('rejected');
          expect([...asArray(error['rules'], where)].sort(), where).toEqual([...e.expect].sort());
          for (const rule of e.expect) expect(error['message'], where).toContain(rule);
        }
      }
    }
  });

  it('names the offending field path in the message of an invalid line', () => {
    const results = jsonLines(json.stdout).map((u) => asRecord(u));
    expect(asRecord(results[4]?.['error'])['message']).toMatch(/^members: /);
    expect(asRecord(results[156]?.['error'])['message']).toMatch(/ratings\.leadershipTeam: /);
  });

  it('reads standard input for `-` and gives the same lines on :memory: as on an SQLite file', () => {
    expect(fromStdin.code).toBe(1);
    expect(fromStdin.stderr).toBe('');
    expect(fromStdin.stdout).toBe(json.stdout);
  });
});

describe('strive run in human form', () => {
  it('prints one line per refused input line and a summary of the counts', () => {
    expect(human.code).toBe(1);
    expect(human.stderr).toBe('');
    const out = human.stdout.split('\n').filter((l) => l !== '');
    const refused = expected.lines.filter(
      (e) => e.expect !== 'accepted' && e.expect !== 'duplicate',
    );
    expect(out.slice(0, refused.length).map((l) => l.replace(/: .*$/, ''))).toEqual(
      refused.map((e) => `line ${e.line} ${e.type} ${e.id}`),
    );
    for (const [i, e] of refused.entries()) {
      const kind = e.expect === 'invalid' ? 'invalid' : 'rejected';
      expect(out[i]).toMatch(new RegExp(`^line ${e.line} \\S+ \\S+: ${kind}: .+`));
    }
    const accepted = expected.lines.filter((e) => e.expect === 'accepted').length;
    expect(out.slice(refused.length).map((l) => l.trim().split(/\s+/))).toEqual([
      ['accepted', 'duplicates', 'invalid', 'rejected', 'conflict'],
      [String(accepted + 1), '1', '2', String(refused.length - 2), '0'],
    ]);
  });
});

describe('refused lines leave no trace', () => {
  it('runs the accepted lines alone with exit 0 and builds the same report as the whole file', async () => {
    const kept = expected.lines
      .filter((e) => e.expect === 'accepted' || e.expect === 'duplicate')
      .map((e) => exampleLines[e.line - 1] ?? '');
    const only = tmp.path('accepted-only.db');
    const r = await runCli(['run', '-', '--db', only, '--json'], { input: `${kept.join('\n')}\n` });
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).every((u) => asRecord(u)['ok'] === true)).toBe(true);
    const [a, b] = await Promise.all([
      runCli(['report', '--db', only, '--json']),
      runCli(['report', '--db', db, '--json']),
    ]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
  });

  it('answers a repeated accepted id as a duplicate and decides a once-refused id anew, writing nothing', async () => {
    const before = storeDigest(db);
    const again = await runCli(['run', '-', '--db', db, '--json'], {
      input: `${exampleLines[0]}\n${exampleLines[1]}\n`,
    });
    expect(again.code).toBe(1);
    const [first, second] = jsonLines(again.stdout).map((u) => asRecord(u));
    expect(first).toEqual({
      line: 1,
      id: 'c001',
      type: 'LaunchCampaign',
      ok: true,
      duplicate: true,
      events: [],
    });
    // c002 was refused, so it is not a duplicate: it is decided again (and refused again, for other reasons now).
    expect(second?.['ok']).toBe(false);
    expect(second?.['duplicate']).toBeUndefined();
    expect(asRecord(second?.['error'])['kind']).toBe('rejected');
    expect(storeDigest(db)).toBe(before);
  });

  it('exits 0 when every line is accepted, duplicates included', async () => {
    const r = await runCli(['run', '-', '--db', db], { input: `${exampleLines[0]}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)?.trim().split(/\s+/)).toEqual([
      '1',
      '1',
      '0',
      '0',
      '0',
    ]);
  });
});

describe('malformed input', () => {
  const badLines = [
    'this is not JSON',
    '{"type":"NoSuchCommand","id":"m1","at":"2013-02-01T09:00:00+08:00","actor":{"id":"x","role":"committee"},"campaignId":"zz2010"}',
    '{"type":"AdvancePhase","id":"m2","at":5,"actor":{"id":"zz-committee","role":"committee"},"campaignId":"zz2010","to":"concluded"}',
    '{"type":"EnrollMember","id":"m3","at":"2013-02-01T09:00:00+08:00","actor":{"id":"zz-committee","role":"chairman"},"campaignId":"zz2010","memberId":"m9","orgId":"o1"}',
    '[1,2,3]',
    '{"type":"Recommend","id":"m4","at":"2013-02-01T09:00:00+08:00","actor":{"id":"p1","role":"public"},"campaignId":"zz2010","subject":{"kind":"organization","id":"o1"}',
  ];

  it('refuses each bad line as invalid with the field path, keeps going, and leaves the store byte-identical', async () => {
    const file = tmp.path('bad.jsonl');
    writeFileSync(file, `${badLines.join('\n')}\n`);
    const before = storeDigest(db);
    const r = await runCli(['run', file, '--db', db, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const results = jsonLines(r.stdout).map((u) => asRecord(u));
    expect(results.map((x) => x['line'])).toEqual([1, 2, 3, 4, 5, 6]);
    const errors = results.map((x) => asRecord(x['error']));
    expect(errors.map((e) => e['kind'])).toEqual(Array(6).fill('invalid'));
    expect(errors.map((e) => e['rules'])).toEqual(Array(6).fill([]));
    const messages = errors.map((e) => String(e['message']));
    expect(messages[0]).toMatch(/not valid JSON/);
    expect(messages[1]).toMatch(/^type: .*NoSuchCommand/);
    expect(messages[2]).toMatch(/^at: /);
    expect(messages[3]).toMatch(/actor\.role: /);
    expect(messages[3]).toMatch(/name: /);
    expect(messages[4]).toMatch(/object/);
    expect(messages[5]).toMatch(/not valid JSON/);
    expect(storeDigest(db)).toBe(before);
  });

  it('exits 2 with one line on stderr, and touches no store, when the file cannot be read or the arguments are wrong', async () => {
    const before = storeDigest(db);
    const plainFile = tmp.path('plain.txt');
    writeFileSync(plainFile, '');
    // Tests run as root, where chmod 000 does not stop reads: a missing file and a directory stand in.
    const cases: [string[], RegExp][] = [
      [
        ['run', tmp.path('missing.jsonl'), '--db', db],
        /cannot read .*missing\.jsonl: no such file/,
      ],
      [['run', tmp.path(''), '--db', db], /cannot read .*: it is a directory/],
      [['run', '--db', db], /missing required argument 'file'/],
      [['run', EXAMPLE_COMMANDS, '--db', db, '--frobnicate'], /unknown option '--frobnicate'/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    const runs = await Promise.all(cases.map(([args]) => runCli(args)));
    for (const [i, r] of runs.entries()) {
      const [args, message] = cases[i] ?? [[], /./];
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr.split('\n')[0], args.join(' ')).toMatch(message);
      expect(r.stderr, args.join(' ')).not.toMatch(/^\s+at /m);
    }
    expect(oneErrorLine(runs[0] ?? json)).toMatch(/^strive: /);
    expect(storeDigest(db)).toBe(before);
  });

  it('fails cleanly where the store cannot be written (a path under a file, and /proc), creating nothing', async () => {
    const plainFile = tmp.path('not-a-dir');
    writeFileSync(plainFile, 'x');
    // Root ignores permission bits, so unwritable places are a path whose parent is a file (ENOTDIR) and /proc.
    const [underFile, proc] = await Promise.all([
      runCli(['run', EXAMPLE_COMMANDS, '--db', `${plainFile}/strive.db`]),
      runCli(['run', EXAMPLE_COMMANDS, '--db', '/proc/strive-cli-test.db']),
    ]);
    for (const r of [underFile, proc]) {
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(oneErrorLine(r)).toMatch(/^strive: cannot open event store .*strive(-cli-test)?\.db/);
    }
    expect(readFileSync(plainFile, 'utf8')).toBe('x');
  });

  it('adds the stack trace to the one-line error only with --debug', async () => {
    const [plain, debug] = await Promise.all([
      runCli(['run', tmp.path('missing.jsonl'), '--db', ':memory:']),
      runCli(['run', tmp.path('missing.jsonl'), '--db', ':memory:', '--debug']),
    ]);
    expect(oneErrorLine(plain)).toMatch(/^strive: cannot read/);
    expect(debug.code).toBe(2);
    expect(debug.stderr.split('\n')[0]).toBe(oneErrorLine(plain));
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});
