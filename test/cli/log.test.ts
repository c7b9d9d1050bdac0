import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXAMPLE_COMMANDS,
  jsonLines,
  oneErrorLine,
  withoutIntegrity,
  openRawSqlite,
  storeDigest,
  tempDir,
} from '../support/cliFixtures.js';
import { asArray, asRecord, readExampleExpectations } from '../support/exampleExpectations.js';
import { runCli, type CliRun } from '../support/runCli.js';

// report, timeline, replay, export, import and verify on a store filled by the example campaign.

const tmp = tempDir('cli-log');
const db = tmp.path('example.db');
const exported = tmp.path('export.jsonl');
let exportText = '';
let events: Record<string, unknown>[] = [];
let reportJson: CliRun;
let reportHuman: CliRun;

const SUBJECT_STATES = [
  'enrolled',
  'committed',
  'evaluated',
  'nominated',
  'under-notice',
  'commended',
  'not-commended',
];
const PHASES = ['mobilizing', 'committing', 'evaluating', 'commending', 'concluded'];
const metadataAt = (e: Record<string, unknown>): string => String(asRecord(e['metadata'])['at']);

beforeAll(async () => {
  await runCli(['run', EXAMPLE_COMMANDS, '--db', db]);
  const exportRun = await runCli(['export', '--db', db]);
  exportText = exportRun.stdout;
  writeFileSync(exported, exportText);
  events = jsonLines(exportText).map((u) => asRecord(u));
  [reportJson, reportHuman] = await Promise.all([
    runCli(['report', '--db', db, '--json']),
    runCli(['report', '--db', db]),
  ]);
});
afterAll(() => tmp.remove());

describe('strive report', () => {
  it('has at least the fields of docs/cli.md, with states of docs/campaign.md and satisfaction in [0, 1] or null', () => {
    expect(reportJson.code).toBe(0);
    const r = asRecord(JSON.parse(reportJson.stdout));
    const [campaign, ...others] = asArray(r['campaigns']).map((c) => asRecord(c));
    expect(others).toEqual([]);
    expect(campaign).toMatchObject({
      id: 'zz2010',
      phase: 'concluded',
      endsAt: '2012-12-31T23:59:59+08:00',
    });
    expect(campaign?.['title']).toMatch(/strive to be excellent members/);
    const subjects = asArray(r['subjects']).map((s) => asRecord(s));
    expect(subjects.length).toBe(12);
    for (const s of subjects) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining([
          'campaignId',
          'kind',
          'id',
          'name',
          'state',
          'evaluators',
          'satisfaction',
        ]),
      );
      expect(['organization', 'member']).toContain(s['kind']);
      expect(SUBJECT_STATES).toContain(s['state']);
      const sat = s['satisfaction'];
      if (s['evaluators'] === 0) expect(sat).toBeNull();
      else expect(typeof sat === 'number' && sat >= 0 && sat <= 1).toBe(true);
    }
  });

  it('lists the honour roll of the example, ordered by commendedAt', () => {
    const roll = asArray(asRecord(JSON.parse(reportJson.stdout))['honourRoll']).map((h) =>
      asRecord(h),
    );
    expect(roll.map((h) => `${String(h['kind'])} ${String(h['id'])}`)).toEqual(
      readExampleExpectations().honourRoll,
    );
    const times = roll.map((h) => Date.parse(String(h['commendedAt'])));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const h of roll) {
      expect(h['campaignId']).toBe('zz2010');
      expect(typeof h['name'] === 'string' && h['name'] !== '').toBe(true);
    }
  });

  it('prints campaigns, dashboard, subjects and the honour roll for a person', () => {
    expect(reportHuman.code).toBe(0);
    expect(reportHuman.stdout).toMatch(/^Campaigns\n/);
    expect(reportHuman.stdout).toMatch(/Dashboard of zz2010 \(concluded\)/);
    expect(reportHuman.stdout).toMatch(/Honour roll \(3\)\n/);
    expect(reportHuman.stdout).toMatch(/Li Hua/);
  });
});

describe('strive timeline', () => {
  it("lists one stream's events with position, type, time and actor, matching the exported log", async () => {
    const stream = 'subject-zz2010-organization-o1';
    const [human, json, unknown] = await Promise.all([
      runCli(['timeline', stream, '--db', db]),
      runCli(['timeline', stream, '--db', db, '--json']),
      runCli(['timeline', 'no-such-stream', '--db', db]),
    ]);
    const ofStream = events.filter((e) => e['streamId'] === stream);
    expect(json.code).toBe(0);
    const rows = asArray(asRecord(JSON.parse(json.stdout))['events']).map((e) => asRecord(e));
    expect(rows.map((e) => [e['position'], e['type'], e['at']])).toEqual(
      ofStream.map((e) => [e['streamPosition'], e['type'], metadataAt(e)]),
    );
    expect(rows.every((e) => typeof e['actor'] === 'string' && /^\w+:/.test(e['actor']))).toBe(
      true,
    );
    expect(human.code).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines[0]?.trim().split(/\s+/)).toEqual(['position', 'type', 'time', 'actor']);
    expect(lines.length).toBe(ofStream.length + 1);
    expect(unknown.code).toBe(1);
    expect(oneErrorLine(unknown)).toMatch(/no-such-stream has no events/);
  });
});

describe('strive export', () => {
  it('prints the whole log in global order with hashes, every line an event envelope chained to the last', () => {
    expect(events.length).toBeGreaterThan(200);
    expect(events.map((e) => e['globalPosition'])).toEqual(events.map((_, i) => i + 1));
    const perStream = new Map<string, number>();
    let prev = '0'.repeat(64);
    for (const e of events) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining([
          'eventId',
          'streamId',
          'streamPosition',
          'type',
          'data',
          'metadata',
          'prevHash',
          'hash',
        ]),
      );
      expect(e['hash']).toMatch(/^[0-9a-f]{64}$/);
      expect(e['prevHash']).toBe(prev);
      prev = String(e['hash']);
      const stream = String(e['streamId']);
      expect(e['streamPosition']).toBe((perStream.get(stream) ?? 0) + 1);
      perStream.set(stream, (perStream.get(stream) ?? 0) + 1);
    }
  });
});

describe('strive replay', () => {
  it('rebuilds the same report from the exported file and from the store, writing nothing', async () => {
    const before = storeDigest(db);
    const [fromFile, fromStore, human] = await Promise.all([
      runCli(['replay', exported, '--json']),
      runCli(['replay', '--db', db, '--json']),
      runCli(['replay', exported]),
    ]);
    for (const r of [fromFile, fromStore]) {
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(reportJson.stdout));
    }
    // The same report; report's last line says where it read it from (the stored read models).
    expect(human.stdout).toBe(withoutIntegrity(reportHuman.stdout));
    expect(reportHuman.stdout).toMatch(
      /\nIntegrity: read from the stored read models at position \d+, NOT checked against the log here/,
    );
    expect(storeDigest(db)).toBe(before);
  });

  it('stops after a global position or an ISO time, like replaying the matching prefix of the log', async () => {
    const before = storeDigest(db);
    const time = '2010-07-01T00:00:00+08:00';
    const prefix = tmp.path('prefix.jsonl');
    const upToTime = tmp.path('upto-time.jsonl');
    const lines = exportText.trim().split('\n');
    writeFileSync(prefix, `${lines.slice(0, 60).join('\n')}\n`);
    writeFileSync(
      upToTime,
      `${lines.filter((_, i) => Date.parse(metadataAt(events[i] ?? {})) <= Date.parse(time)).join('\n')}\n`,
    );
    const [untilPos, prefixRun, untilTime, upToTimeRun, bad] = await Promise.all([
      runCli(['replay', '--db', db, '--until', '60', '--json']),
      runCli(['replay', prefix, '--json']),
      runCli(['replay', exported, '--until', time, '--json']),
      runCli(['replay', upToTime, '--json']),
      runCli(['replay', exported, '--until', 'last tuesday']),
    ]);
    expect(untilPos.code).toBe(0);
    expect(JSON.parse(untilPos.stdout)).toEqual(JSON.parse(prefixRun.stdout));
    expect(JSON.parse(untilTime.stdout)).toEqual(JSON.parse(upToTimeRun.stdout));
    const phaseAt60 = asRecord(asArray(asRecord(JSON.parse(untilPos.stdout))['campaigns'])[0])[
      'phase'
    ];
    expect(PHASES).toContain(phaseAt60);
    expect(phaseAt60).not.toBe('concluded');
    expect(JSON.parse(untilTime.stdout)).not.toEqual(JSON.parse(reportJson.stdout));
    expect(bad.code).toBe(2);
    expect(oneErrorLine(bad)).toMatch(/--until must be a global position or an ISO-8601 time/);
    expect(storeDigest(db)).toBe(before);
  });

  it('checks the hash chain as it folds: an edited event fails with its position, and no report', async () => {
    const lines = exportText.trim().split('\n');
    const edited = tmp.path('edited.jsonl');
    // Event 40 keeps its hash but not its content; the line stays a valid envelope.
    lines[39] = (lines[39] ?? '').replace(/"at":"2010-/, '"at":"2011-');
    writeFileSync(edited, `${lines.join('\n')}\n`);
    const gap = tmp.path('gap.jsonl');
    writeFileSync(gap, `${exportText.trim().split('\n').slice(1).join('\n')}\n`);
    const [r, g] = await Promise.all([
      runCli(['replay', edited, '--json']),
      runCli(['replay', gap, '--json']),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneErrorLine(r)).toMatch(
      /chain broken at global position 40 \(stream .*\): content does not match its hash/,
    );
    expect(g.code).toBe(1);
    expect(oneErrorLine(g)).toMatch(/chain broken at global position 2 .*where 1 was expected/);
  });

  it('reads a log exported in the earlier key order (eventId first) alike, and refuses it edited', async () => {
    const ORDER = ['eventId', 'streamId', 'streamPosition', 'globalPosition', 'type'];
    const earlier = events.map((e) =>
      JSON.stringify(
        Object.fromEntries(
          [...ORDER, 'schemaVersion', 'data', 'metadata', 'prevHash', 'hash'].map((k) => [k, e[k]]),
        ),
      ),
    );
    expect(earlier[0]).toMatch(/^\{"eventId":/);
    expect(exportText.startsWith('{"data":')).toBe(true);
    const old = tmp.path('earlier-order.jsonl');
    writeFileSync(old, `${earlier.join('\n')}\n`);
    const oldEdited = tmp.path('earlier-order-edited.jsonl');
    earlier[39] = (earlier[39] ?? '').replace(/"at":"2010-/, '"at":"2011-');
    writeFileSync(oldEdited, `${earlier.join('\n')}\n`);
    const [r, edited] = await Promise.all([
      runCli(['replay', old, '--json']),
      runCli(['replay', oldEdited, '--json']),
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(reportJson.stdout));
    expect(edited.code).toBe(1);
    expect(oneErrorLine(edited)).toMatch(
      /chain broken at global position 40 .*: content does not match its hash/,
    );
  });

  it('refuses a file that is not an exported log, naming the line', async () => {
    const r = await runCli(['replay', EXAMPLE_COMMANDS, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneErrorLine(r)).toMatch(/zhengzhou-2010\.commands\.jsonl:1: not an event envelope/);
  });
});

describe('strive import', () => {
  it('fills an empty store that then verifies and reports exactly like the original', async () => {
    const target = tmp.path('imported.db');
    const r = await runCli(['import', exported, '--db', target]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`imported ${events.length} events\n`);
    const [verify, report, again] = await Promise.all([
      runCli(['verify', '--db', target]),
      runCli(['report', '--db', target, '--json']),
      runCli(['export', '--db', target]),
    ]);
    expect(verify.stdout).toMatch(
      new RegExp(
        `^ok ${events.length} events: chain, 0 snapshots and \\d+ read-model documents checked against the log \\(report view equal\\)\n$`,
      ),
    );
    expect(JSON.parse(report.stdout)).toEqual(JSON.parse(reportJson.stdout));
    expect(again.stdout).toBe(exportText);
  });

  it('refuses a non-empty store and a tampered file, writing nothing', async () => {
    const before = storeDigest(db);
    const tampered = tmp.path('tampered.jsonl');
    const target = tmp.path('tampered-target.db');
    const lines = exportText.trim().split('\n');
    const victim = asRecord(JSON.parse(lines[99] ?? '{}'));
    lines[99] = JSON.stringify({ ...victim, type: `${String(victim['type'])}X` });
    writeFileSync(tampered, `${lines.join('\n')}\n`);
    const [nonEmpty, bad, missing] = await Promise.all([
      runCli(['import', exported, '--db', db]),
      runCli(['import', tampered, '--db', target]),
      runCli(['import', tmp.path('missing.jsonl'), '--db', tmp.path('never.db')]),
    ]);
    expect(nonEmpty.code).toBe(1);
    expect(oneErrorLine(nonEmpty)).toMatch(/already holds \d+ events; import needs an empty store/);
    expect(storeDigest(db)).toBe(before);
    expect(bad.code).toBe(1);
    expect(oneErrorLine(bad)).toMatch(/chain broken at global position 100 .*nothing imported/);
    // A failed import into a new file leaves no file behind.
    expect(existsSync(target)).toBe(false);
    expect(missing.code).toBe(2);
    expect(oneErrorLine(missing)).toMatch(/cannot read .*missing\.jsonl/);
    expect(existsSync(tmp.path('never.db'))).toBe(false);
  });
});

describe('strive verify', () => {
  it('prints ok and the number of events when the chain holds', async () => {
    const r = await runCli(['verify', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      new RegExp(
        `^ok ${events.length} events: chain, 0 snapshots and \\d+ read-model documents checked against the log \\(report view equal\\)\n$`,
      ),
    );
  });

  it('exits 1 naming the first bad stream and position when a row was edited in the SQLite file', async () => {
    const edited = tmp.path('edited.db');
    const removed = tmp.path('removed.db');
    copyFileSync(db, edited);
    copyFileSync(db, removed);
    const victim = events[120] ?? {};
    const raw = openRawSqlite(edited);
    const changed = raw
      .prepare("UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE global_position = ?")
      .run(121);
    raw.close();
    expect(changed.changes).toBe(1);
    const raw2 = openRawSqlite(removed);
    raw2.prepare('DELETE FROM events WHERE global_position = ?').run(50);
    raw2.close();
    const [r, json, gap] = await Promise.all([
      runCli(['verify', '--db', edited]),
      runCli(['verify', '--db', edited, '--json']),
      runCli(['verify', '--db', removed]),
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `^chain broken at global position 121 \\(stream ${String(victim['streamId'])}, position ${String(victim['streamPosition'])}\\)`,
      ),
    );
    expect(json.code).toBe(1);
    expect(asRecord(JSON.parse(json.stdout))).toMatchObject({
      ok: false,
      globalPosition: 121,
      streamId: victim['streamId'],
      streamPosition: victim['streamPosition'],
    });
    expect(gap.code).toBe(1);
    expect(gap.stdout).toMatch(/^chain broken at global position 51 /);
  });
});
