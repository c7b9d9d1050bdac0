import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EXAMPLE_COMMANDS } from '../support/cliFixtures.js';
import { committee } from './support/campaignScript.js';
import { assertBuilt, runCli, tempDir } from './support/paths.js';
import { fileHash } from './support/storeFiles.js';

assertBuilt();
const dir = tempDir();
const db = dir.file('zz.db');
afterAll(() => dir.remove());
beforeAll(async () => {
  await runCli(['run', EXAMPLE_COMMANDS, '--db', db]);
}, 60_000);

const enroll = (id: string, name: string): string =>
  JSON.stringify({
    type: 'EnrollOrganization',
    id,
    at: '2010-05-11T09:00:00+08:00',
    actor: committee,
    campaignId: 'zz2010',
    orgId: id,
    name,
    category: 'community',
  });

/** The error message of a `run --json` result line. */
const messageOf = (line: unknown): string =>
  String(Reflect.get(Object(Reflect.get(Object(line), 'error')), 'message'));

/** Bytes a terminal would act on: C0 controls but newline, DEL, C1, line separators, bidi marks. */
const RAW_CONTROL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

it('refuses control characters in names with the field path and never echoes one raw', async () => {
  const hostile = [
    'Evil\n2024-01-01  zz2010  organization  o99  FORGED COMMENDED ORG',
    'Carriage\rreturn',
    'Escape \u001b[31mred',
    'Nul \u0000 byte',
    'Right-to-left \u202e override',
  ];
  const lines = [
    ...hostile.map((name, i) => enroll(`h${i}`, name)),
    JSON.stringify({ type: 'Nominate\u001b[2J', id: 'h9' }),
    '{"type": "\u001b[31m" oops',
  ];
  const before = fileHash(db);
  const [human, json] = await Promise.all([
    runCli(['run', '-', '--db', db], { input: `${lines.join('\n')}\n` }),
    runCli(['run', '-', '--db', db, '--json'], { input: `${lines.join('\n')}\n` }),
  ]);
  expect(human.code).toBe(1);
  expect(RAW_CONTROL.test(human.stdout + human.stderr)).toBe(false);
  expect(RAW_CONTROL.test(json.stdout + json.stderr)).toBe(false);
  const results = json.stdout
    .trim()
    .split('\n')
    .map((l): unknown => JSON.parse(l));
  expect(results).toHaveLength(lines.length);
  for (const [i] of hostile.entries()) {
    expect(Reflect.get(Object(results[i]), 'ok')).toBe(false);
    expect(messageOf(results[i])).toMatch(/^name: must be .* without control characters/);
  }
  expect(human.stdout).toContain('Nominate\\u001b[2J');
  expect(fileHash(db)).toBe(before);
  console.log(
    `control characters: ${hostile.length} names refused at the codec (field path "name"), type and JSON-error echoes escaped, 0 raw control bytes in ${human.stdout.length + json.stdout.length} output characters; store hash unchanged`,
  );
}, 60_000);

it('refuses input that would silently change meaning, and takes a leading BOM', async () => {
  const publicActor = { id: 'p1', role: 'public' };
  const duplicate = enroll('d1', 'Duplicate actor').replace(
    '"actor":',
    `"actor":${JSON.stringify(publicActor)},"actor":`,
  );
  const tiny = enroll('t1', 'Tiny number').replace('"category"', '"extra":1e-400,"category"');
  const notUtf8 = Buffer.concat([
    Buffer.from(enroll('u1', 'Bad byte').replace('Bad byte', 'Bad ')),
    Buffer.from([0xff]),
  ]);
  const input = Buffer.concat([
    Buffer.from(`\uFEFF${duplicate}\n${tiny}\n`),
    notUtf8,
    Buffer.from('\n'),
  ]);
  const before = fileHash(db);
  const file = dir.file('hostile.jsonl');
  writeFileSync(file, input);
  const r = await runCli(['run', file, '--db', db, '--json']);
  const results = r.stdout
    .trim()
    .split('\n')
    .map((l): unknown => JSON.parse(l));
  expect(results.map((x): unknown => Reflect.get(Object(x), 'line'))).toEqual([1, 2, 3]);
  expect(results.map(messageOf)).toEqual([
    expect.stringMatching(/Duplicate key 'actor'/),
    expect.stringMatching(
      /the number 1e-400 does not survive being read \(it would be read as 0\)/,
    ),
    expect.stringMatching(/not valid UTF-8 \(byte 0xff at byte \d+ of the line\)/),
  ]);
  expect(r.code).toBe(1);
  expect(fileHash(db)).toBe(before);
  // The BOM is stripped: the same line without the duplicate key is decided (accepted) as usual.
  const ok = await runCli(['run', '-', '--db', db, '--json'], {
    input: `\uFEFF${enroll('b1', 'After a BOM')}\n`,
  });
  expect(ok.stdout).toMatch(/^\{"line":1,"id":"b1","type":"EnrollOrganization","ok":(true|false)/);
  expect(ok.stdout).not.toContain('not valid JSON');
  console.log(
    `silent input changes: duplicate key, 1e-400 and an invalid UTF-8 byte refused (3/3, store hash unchanged); a leading BOM stripped: ${ok.stdout.trim().slice(0, 90)}…`,
  );
}, 60_000);
