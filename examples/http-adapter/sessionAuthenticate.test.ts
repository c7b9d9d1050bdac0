import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionAuthenticate, type Session } from './sessionAuthenticate.js';
import { startCampaignServer, type CampaignServer } from './testHarness.js';

// The campaign server behind the host app's own sessions instead of JWTs, over a socket.

const sessions = new Map<string, Session>([
  ['s-1', { userId: 'zz-committee', campaignRoles: ['committee'] }],
  ['s-2', { userId: 'li-hua', campaignRoles: ['public'] }],
]);
const launch = {
  type: 'LaunchCampaign',
  id: 'c1',
  at: '2010-05-10T09:00:00+08:00',
  campaignId: 'zz2010',
  title: 'Strive',
  endsAt: '2012-12-31T23:59:59+08:00',
  objectives: ['serve the people'],
  principles: ['seek real results'],
};

let server: CampaignServer;
beforeAll(async () => {
  server = await startCampaignServer({
    authenticate: sessionAuthenticate((sid) => Promise.resolve(sessions.get(sid))),
  });
  server.setClock('2010-05-10T09:00:00+08:00');
});
afterAll(() => server.stop());

const post = (body: unknown, cookie?: string) =>
  fetch(`${server.base}/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie === undefined ? {} : { cookie }) },
    body: JSON.stringify(body),
  });

describe('sessionAuthenticate', () => {
  it('maps the sid cookie to the principal: none 401, another role 403, the committee 200', async () => {
    expect((await post(launch)).status).toBe(401);
    expect((await post(launch, 'sid=unknown')).status).toBe(401);
    const asCommittee = { ...launch, actor: { id: 'zz-committee', role: 'committee' } };
    expect((await post(asCommittee, 'theme=dark; sid=s-2')).status).toBe(403);
    expect(await server.head()).toBe(0);
    expect((await post(launch, 'theme=dark; sid=s-1')).status).toBe(200);
    expect(await server.head()).toBe(1);
  });
});
