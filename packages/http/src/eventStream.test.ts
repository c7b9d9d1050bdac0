import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaignEngine } from '@strive/campaign';
import { generateCommands } from '@strive/campaign';
import type { Principal } from '@strive/engine';
import { appendToStream, createMemoryEventStore, type EventStore } from '@strive/eventlog';
import { createStriveHttp, type StriveHttp } from './createStriveHttp.js';

// The live event stream over real sockets: every event of a 5,000-command run exactly once and in
// order across a client-forced and a server-forced reconnect, and a client that never reads is
// dropped without slowing POST /commands (commands/s printed with and without it).

const commands = [
  ...generateCommands({ orgs: 40, membersPerOrg: 10, evaluators: 10, seed: 1 }),
].slice(0, 5000);

const authenticate = (request: Request): Principal | undefined => {
  const token = /^Bearer (.+):(.+)$/.exec(request.headers.get('authorization') ?? '');
  return token?.[1] === undefined || token[2] === undefined
    ? undefined
    : { id: token[1], roles: [token[2]] };
};

const tokenOf = (command: Record<string, unknown>): string => {
  const actor = command['actor'];
  return typeof actor === 'object' && actor !== null && 'id' in actor && 'role' in actor
    ? `${String(actor.id)}:${String(actor.role)}`
    : 'nobody:none';
};

interface Mounted {
  readonly base: string;
  readonly port: number;
  readonly http: StriveHttp;
  readonly store: EventStore;
  readonly stop: () => Promise<void>;
}

const mount = async (bufferSize: number): Promise<Mounted> => {
  const store = createMemoryEventStore();
  const http = createStriveHttp({
    engine: createCampaignEngine(store),
    store,
    authenticate,
    clock: () => new Date('2030-01-01T00:00:00Z'),
    rateLimit: false,
    events: { bufferSize },
  });
  const listener = getRequestListener(http.fetch);
  const server: Server = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
  return {
    base: `http://127.0.0.1:${address.port}`,
    port: address.port,
    http,
    store,
    stop: async () => {
      await http.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
};

/** POSTs commands one after another; answers the statuses seen and the commands per second. */
const postAll = async (base: string, batch: readonly Record<string, unknown>[]) => {
  const statuses = new Map<number, number>();
  const started = performance.now();
  for (const command of batch) {
    const res = await fetch(`${base}/commands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(command)}` },
      body: JSON.stringify(command),
    });
    await res.arrayBuffer();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  }
  return { statuses, perSecond: batch.length / ((performance.now() - started) / 1000) };
};

/**
 * Reads one SSE connection (after `lastId`), calling `onEvent` per event until it answers false
 * (the client hangs up) or the server ends the stream.
 */
const readSse = async (
  base: string,
  lastId: number,
  onEvent: (id: number, type: string) => boolean,
  abort: AbortController,
): Promise<'client' | 'server'> => {
  const res = await fetch(`${base}/events`, {
    headers: { authorization: 'Bearer watcher:public', 'last-event-id': String(lastId) },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  if (res.body === null) throw new Error('no body');
  const reader: ReadableStreamDefaultReader<Uint8Array> = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'server';
      text += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const frame = text.slice(0, end).split('\n');
        text = text.slice(end + 2);
        const id = frame.find((l) => l.startsWith('id: '))?.slice(4);
        const type = frame.find((l) => l.startsWith('event: '))?.slice(7) ?? '';
        if (id !== undefined && !onEvent(Number(id), type)) {
          abort.abort();
          return 'client';
        }
      }
    }
  } catch (e) {
    if (abort.signal.aborted) return 'client';
    throw e;
  }
};

describe('GET /events', () => {
  let m: Mounted;
  beforeAll(async () => {
    m = await mount(10_000);
  });
  afterAll(() => m.stop());

  it('delivers every event of a 5,000-command run once, in order, across two forced reconnects', async () => {
    const received: number[] = [];
    const endings: string[] = [];
    let target = Number.POSITIVE_INFINITY;
    let current = new AbortController();
    let serverForced = false;
    const watching = (async () => {
      let last = 0;
      while (last < target) {
        current = new AbortController();
        const ended = await readSse(
          m.base,
          last,
          (id) => {
            received.push(id);
            last = id;
            if (endings.length === 0 && received.length >= 2000) return false; // the client hangs up
            if (endings.length === 1 && received.length >= 4000 && !serverForced) {
              serverForced = true;
              void m.http.close(); // the server ends every open stream
            }
            return last < target;
          },
          current,
        );
        endings.push(ended);
      }
    })();
    const { statuses } = await postAll(m.base, commands);
    target = (await m.store.head()).globalPosition;
    if (received.at(-1) === target) current.abort();
    await watching;
    console.log(
      `SSE: ${commands.length} commands (statuses ${JSON.stringify([...statuses])}), ${target} events, ` +
        `${received.length} received over ${endings.length} connections (${endings.join(', ')})`,
    );
    expect(statuses.get(200)).toBeGreaterThan(4500);
    expect(target).toBeGreaterThan(5000);
    expect(endings.slice(0, 2)).toEqual(['client', 'server']);
    expect(received).toEqual(Array.from({ length: target }, (_, i) => i + 1));
  }, 180_000);

  it('answers 400 for a Last-Event-ID that is not a position, 401 without a principal', async () => {
    const bad = await fetch(`${m.base}/events`, {
      headers: { authorization: 'Bearer watcher:public', 'last-event-id': 'x' },
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${m.base}/events`)).status).toBe(401);
  });
});

describe('a client that never reads its stream', () => {
  let m: Mounted;
  beforeAll(async () => {
    m = await mount(64);
  });
  afterAll(() => m.stop());

  it('does not slow POST /commands, and is dropped once its buffers fill', async () => {
    const alone = await postAll(m.base, commands.slice(0, 1000));
    const socket = connect(m.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.write(
      'GET /events HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer sloth:public\r\n\r\n',
    );
    socket.pause(); // and never read
    const opened = Date.now();
    while (m.http.openStreams() === 0 && Date.now() - opened < 5000)
      await new Promise((r) => setTimeout(r, 5));
    expect(m.http.openStreams()).toBe(1);
    const withSlow = await postAll(m.base, commands.slice(1000, 2000));
    const connectedThroughout = m.http.openStreams() === 1;
    // Then events of 4 KiB each until the kernel's, node's and the 64-frame buffers are full.
    let filler = 0;
    const payload = 'x'.repeat(4096);
    while (m.http.openStreams() > 0 && filler < 20_000) {
      const batch = Array.from({ length: 100 }, () => ({
        type: 'Filler',
        data: { payload },
        metadata: { at: '2030-01-01T00:00:00Z' },
      }));
      const appended = await appendToStream(m.store, `filler-${filler}`, batch, {
        expectedVersion: 'any',
      });
      expect(appended._tag).toBe('Right');
      filler += batch.length;
      await new Promise((r) => setTimeout(r, 10));
    }
    socket.destroy();
    console.log(
      `POST /commands: ${alone.perSecond.toFixed(0)} commands/s alone, ` +
        `${withSlow.perSecond.toFixed(0)} commands/s with a client that never reads ` +
        `(connected throughout: ${connectedThroughout}); dropped after ${filler} more events of 4 KiB`,
    );
    expect(m.http.openStreams()).toBe(0);
    expect(filler).toBeLessThan(20_000);
    expect(alone.statuses.get(200)).toBe(1000);
    expect(withSlow.statuses.get(200)).toBe(1000);
  }, 120_000);
});
