import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPKCS8, exportSPKI, generateKeyPair, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignEngine } from '@strive/campaign';
import { createJwtAuthenticator, loadVerificationKey } from './authenticateJwt.js';
import { mintToken } from './mintToken.js';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from './server.js';
import {
  readExample,
  postCommand,
  rulesOf,
  startCampaignServer,
  tokenFor,
  type CampaignServer,
} from './testHarness.js';

// Attacks on the campaign server over a socket. The Zhengzhou 2010 example is replayed up to the
// opening of the evaluation (lines 1-49, trusted, straight into the engine: no principal), then the
// attacker holds a valid token of its own, or none.

const { lines } = readExample();
const parse = (line: string | undefined): Record<string, unknown> => {
  const u: unknown = JSON.parse(line ?? '{}');
  if (typeof u !== 'object' || u === null) throw new Error('not a command');
  return { ...u };
};
/** p002's evaluation of o1 (line 51), and the time the evaluation is open. */
const evaluation = parse(lines[50]);
const during = '2010-10-10T10:30:00+08:00';

let server: CampaignServer;
beforeAll(async () => {
  server = await startCampaignServer();
  const trusted = createCampaignEngine(server.store);
  for (const line of lines.slice(0, 49)) await trusted.handle(JSON.parse(line));
  server.setClock(during);
});
afterAll(() => server.stop());

const send = (command: Record<string, unknown>, token: string | undefined) =>
  postCommand(server.base, JSON.stringify(command), token);

describe('authentication', () => {
  it('answers 401 without a token, with an expired, wrongly signed, foreign or unsigned one', async () => {
    const now = server.now();
    const hourAgo = new Date(now.getTime() - 2 * 3600_000);
    const other = new TextEncoder().encode('another secret, also 32 characters long');
    const valid = await tokenFor('p002', ['public'], now);
    const [header, payload] = valid.split('.');
    const tokens = [
      undefined,
      await tokenFor('p002', ['public'], hourAgo),
      await tokenFor('p002', ['public'], now, { key: other }),
      await tokenFor('p002', ['public'], now, { audience: 'another-app' }),
      `${header}.${payload}.`,
      Buffer.from('{"alg":"none"}').toString('base64url') + `.${payload}.`,
      'not-a-jwt',
    ];
    const before = await server.head();
    for (const token of tokens) {
      const { status, json } = await send(evaluation, token);
      expect(status, String(token)).toBe(401);
      expect(json).toMatchObject({ ok: false, error: { kind: 'unauthenticated' } });
    }
    expect(await server.head()).toBe(before);
  });

  it('verifies EdDSA tokens from a public key file, and refuses one signed by another key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strive-jwt-'));
    const pair = await generateKeyPair('EdDSA', { extractable: true });
    const stranger = await generateKeyPair('EdDSA');
    writeFileSync(join(dir, 'public.pem'), await exportSPKI(pair.publicKey));
    const { key, algorithms } = await loadVerificationKey({
      publicKeyFile: join(dir, 'public.pem'),
      alg: 'EdDSA',
    });
    const authenticate = createJwtAuthenticator({
      key,
      algorithms,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      clock: () => new Date(during),
    });
    const signed = (k: Parameters<typeof mintToken>[0]['key']) =>
      mintToken({
        key: k,
        alg: 'EdDSA',
        sub: 'p002',
        roles: ['public'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        now: new Date(during),
        ttlSeconds: 60,
      });
    const request = (token: string) =>
      new Request('http://x/commands', { headers: { authorization: `Bearer ${token}` } });
    const privateKey = await importPKCS8(await exportPKCS8(pair.privateKey), 'EdDSA');
    expect(await authenticate(request(await signed(privateKey)))).toEqual({
      id: 'p002',
      roles: ['public'],
    });
    expect(await authenticate(request(await signed(stranger.privateKey)))).toBeUndefined();
    const hs = await tokenFor('p002', ['public'], new Date(during));
    expect(await authenticate(request(hs))).toBeUndefined();
  });
});

describe('impersonation', () => {
  it("refuses an evaluator's token submitting as another evaluator (403 auth.principal)", async () => {
    const before = await server.head();
    const p001 = await tokenFor('p001', ['public'], server.now());
    const { status, json } = await send(evaluation, p001);
    expect(status).toBe(403);
    expect(rulesOf(json)).toEqual(['auth.principal']);
    expect(await server.head()).toBe(before);
  });

  it('accepts none of 50 evaluations one token sends under invented evaluator ids', async () => {
    const before = await server.head();
    const token = await tokenFor('p900', ['public'], server.now());
    const statuses: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const evaluatorId = `ghost-${i}`;
      // Half claim to be the ghost, half act as p900 in the ghost's name.
      const command =
        i % 2 === 0
          ? { ...evaluation, id: `g${i}`, evaluatorId, actor: { id: evaluatorId, role: 'public' } }
          : { ...evaluation, id: `g${i}`, evaluatorId, actor: { id: 'p900', role: 'public' } };
      const { status, json } = await send(command, token);
      statuses.push(status);
      expect(rulesOf(json), `evaluation ${i}`).toContain(
        i % 2 === 0 ? 'auth.principal' : 'auth.role',
      );
    }
    expect(statuses.filter((s) => s === 403)).toHaveLength(25);
    expect(statuses.filter((s) => s === 422)).toHaveLength(25);
    expect(await server.head()).toBe(before);
  });

  it('refuses a member acting as a secretary, under the secretary id or its own', async () => {
    const before = await server.head();
    const member = await tokenFor('m-li', ['member'], server.now());
    const enroll = {
      type: 'EnrollMember',
      id: 'fake-enroll',
      at: during,
      campaignId: 'zz2010',
      memberId: 'm-fake',
      orgId: 'o1',
      name: 'Fake Member',
    };
    for (const actor of [
      { id: 's-o1', role: 'secretary' },
      { id: 'm-li', role: 'secretary' },
    ]) {
      const { status, json } = await send({ ...enroll, actor }, member);
      expect(status).toBe(403);
      expect(rulesOf(json)).toEqual(['auth.principal']);
    }
    expect(await server.head()).toBe(before);
  });
});

describe('time', () => {
  it('refuses a command dated a year ahead (clock.skew), and the subject stays open', async () => {
    const p002 = await tokenFor('p002', ['public'], server.now());
    const ahead = { ...evaluation, id: 'from-the-future', at: '2011-10-10T10:30:00+08:00' };
    const refused = await send(ahead, p002);
    expect(refused.status).toBe(422);
    expect(rulesOf(refused.json)).toEqual(['clock.skew']);
    const truthful = await send({ ...evaluation, at: during }, p002);
    expect(truthful.status).toBe(200);
    expect(truthful.json).toMatchObject({ ok: true, events: ['EvaluationSubmitted'] });
  });
});

describe('malformed requests', () => {
  it('refuses bodies over the limit (413), wrong content types (415) and bad JSON (400), writing nothing', async () => {
    const before = await server.head();
    const token = await tokenFor('p003', ['public'], server.now());
    const big = JSON.stringify({ ...evaluation, padding: 'x'.repeat(70 * 1024) });
    expect((await postCommand(server.base, big, token)).status).toBe(413);
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
    ])
      expect((await postCommand(server.base, JSON.stringify(evaluation), token, type)).status).toBe(
        415,
      );
    for (const body of ['{"type":', 'null', '[]', '"SubmitEvaluation"', ''])
      expect((await postCommand(server.base, body, token)).status, body).toBe(400);
    expect(await server.head()).toBe(before);
  });
});
