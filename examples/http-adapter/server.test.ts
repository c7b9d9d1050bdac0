import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignEngine } from '@strive/campaign';
import { createMemoryEventStore } from '@strive/eventlog';
import { MAX_BODY_BYTES, createCommandServer } from './server.js';

// Drives the adapter over a real socket with the Zhengzhou 2010 example, one POST per line, and checks
// each status against the line's expected outcome, then the report against the expected honour roll.

const data = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'data');
const commands = readFileSync(join(data, 'zhengzhou-2010.commands.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '');
const expected: unknown = JSON.parse(
  readFileSync(join(data, 'zhengzhou-2010.expected.json'), 'utf8'),
);

const store = createMemoryEventStore();
const server = createCommandServer(createCampaignEngine(store));
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});

const post = async (body: string): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(`${base}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const json: unknown = await res.json();
  if (typeof json !== 'object' || json === null) throw new Error('the body is not a JSON object');
  return { status: res.status, json: { ...json } };
};

const expectedStatus = (expect: unknown): number =>
  expect === 'accepted' || expect === 'duplicate' ? 200 : expect === 'invalid' ? 400 : 422;

describe('the HTTP adapter', () => {
  it('answers each command of the example with the status of its outcome: 200, 400 or 422', async () => {
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
      const { status, json } = await post(command);
      expect(status, `line ${i + 1}`).toBe(expectedStatus(want));
      if (want === 'duplicate')
        expect(json).toMatchObject({ ok: true, duplicate: true, events: [] });
      if (Array.isArray(want)) {
        const error: unknown = json['error'];
        const rules =
          typeof error === 'object' &&
          error !== null &&
          'rules' in error &&
          Array.isArray(error.rules)
            ? error.rules.map(String)
            : [];
        expect(json['ok']).toBe(false);
        expect(error).toMatchObject({ kind: 'rejected' });
        expect(rules.sort()).toEqual(want.map(String).sort());
      }
    }
  });

  it('serves the report with the honour roll of the example', async () => {
    const res = await fetch(`${base}/report`);
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

  it('answers 409 when an accepted id comes back with another payload', async () => {
    const first = commands[0] ?? '';
    const changed = first.replace('"title":"', '"title":"Changed: ');
    expect(changed).not.toBe(first);
    const { status, json } = await post(changed);
    expect(status).toBe(409);
    expect(json).toMatchObject({ ok: false, error: { kind: 'conflict', rules: [] } });
  });

  it('refuses bad JSON (400), oversized bodies (413), wrong methods (405) and unknown paths (404)', async () => {
    expect((await post('{"type":')).status).toBe(400);
    expect((await post(`"${'x'.repeat(MAX_BODY_BYTES)}"`)).status).toBe(413);
    const wrongMethod = await fetch(`${base}/commands`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await fetch(`${base}/report`, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('writes nothing for refused requests', async () => {
    const before = await store.head();
    await post('not json');
    await post('{"type":"Commend","id":"late","at":"2013-02-01T09:00:00+08:00"}');
    await post(commands[1] ?? '');
    expect(await store.head()).toEqual(before);
  });
});
