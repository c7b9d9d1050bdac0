import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postCommand,
  readExample,
  rulesOf,
  startCampaignServer,
  tokenFor,
  type CampaignServer,
} from './testHarness.js';

// Drives the campaign server over a real socket with the Zhengzhou 2010 example, one POST per line,
// each with a token for the line's actor and the server's clock at the line's `at`, and checks each
// status against the line's expected outcome, then the report against the expected honour roll.

const { lines: commands, expected } = readExample();

let server: CampaignServer;
beforeAll(async () => {
  server = await startCampaignServer();
});
afterAll(() => server.stop());

/** Sets the clock to the line's `at` and answers a token for its actor. */
const asActor = async (line: string): Promise<string> => {
  const command: unknown = JSON.parse(line);
  const field = (u: unknown, k: string): unknown =>
    typeof u === 'object' && u !== null && k in u ? (u as Record<string, unknown>)[k] : undefined;
  const at = field(command, 'at');
  if (typeof at === 'string' && !Number.isNaN(Date.parse(at))) server.setClock(at);
  const actor = field(command, 'actor');
  return tokenFor(String(field(actor, 'id')), [String(field(actor, 'role'))], server.now());
};

const expectedStatus = (expect: unknown): number =>
  expect === 'accepted' || expect === 'duplicate' ? 200 : expect === 'invalid' ? 400 : 422;

describe('the campaign server', () => {
  it('answers each command of the example, sent by its actor, with the status of its outcome', async () => {
    if (
      typeof expected !== 'object' ||
      expected === null ||
      !('lines' in expected) ||
      !Array.isArray(expected.lines)
    )
      throw new Error('expected.json has no lines');
    const lines: unknown[] = expected.lines;
    expect(lines.length).toBe(commands.length);
    for (const [i, command] of commands.entries()) {
      const line: unknown = lines[i];
      const want =
        typeof line === 'object' && line !== null && 'expect' in line ? line.expect : undefined;
      const { status, json } = await postCommand(server.base, command, await asActor(command));
      expect(status, `line ${i + 1}`).toBe(expectedStatus(want));
      if (want === 'duplicate')
        expect(json).toMatchObject({ ok: true, duplicate: true, events: [] });
      if (Array.isArray(want)) {
        expect(json).toMatchObject({ ok: false, error: { kind: 'rejected' } });
        expect(rulesOf(json).sort()).toEqual(want.map(String).sort());
      }
    }
  });

  it('serves the report with the honour roll of the example, to an authenticated reader', async () => {
    expect((await fetch(`${server.base}/report`)).status).toBe(401);
    const token = await tokenFor('reader', ['public'], server.now());
    const res = await fetch(`${server.base}/report`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const report: unknown = await res.json();
    const roll =
      typeof report === 'object' &&
      report !== null &&
      'honourRoll' in report &&
      Array.isArray(report.honourRoll)
        ? report.honourRoll.map((h: { kind: string; id: string }) => `${h.kind} ${h.id}`)
        : [];
    expect(roll).toEqual(['organization o1', 'organization o2', 'member m-li']);
  });

  it('answers 409, not retryable, when an accepted id comes back with another payload', async () => {
    const first = commands[0] ?? '';
    const changed = first.replace('"title":"', '"title":"Changed: ');
    expect(changed).not.toBe(first);
    const { status, json } = await postCommand(server.base, changed, await asActor(first));
    expect(status).toBe(409);
    expect(json).toMatchObject({
      ok: false,
      error: { kind: 'conflict', rules: [], retryable: false },
    });
  });
});
