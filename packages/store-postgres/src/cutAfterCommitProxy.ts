import * as net from 'node:net';

/** A TCP proxy in front of PostgreSQL that can lose the reply to one committing request. For tests only. */
export interface CutAfterCommitProxy {
  readonly port: number;
  /** The next request reaches the server, then the client's connection is cut before the reply. */
  readonly arm: () => void;
  /** How many requests were cut so far. */
  readonly cuts: () => number;
  readonly close: () => Promise<void>;
}

/** Whether a chunk from the client ends a request: a simple query, or extended-protocol messages ending in Sync. */
const endsRequest = (chunk: Buffer): boolean =>
  chunk[0] === 0x51 ||
  (chunk.length >= 5 && chunk.subarray(chunk.length - 5).equals(Buffer.from([0x53, 0, 0, 0, 4])));

/**
 * Starts a proxy on 127.0.0.1 (random port) to `target`: forwards bytes both ways; once armed, the
 * next request (a simple query, or extended-protocol messages up to Sync: an append is one
 * autocommitted statement, or ends with `...; COMMIT`) is forwarded to the server, the client socket is destroyed at once
 * (so the client never learns the outcome) and the server side is closed after the server answered,
 * so the commit happens. For tests only. Does I/O.
 */
export const startCutAfterCommitProxy = async (target: {
  host: string;
  port: number;
}): Promise<CutAfterCommitProxy> => {
  let armed = false;
  let cuts = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let cut = false;
    client.on('data', (chunk) => {
      upstream.write(chunk);
      if (armed && endsRequest(chunk)) {
        armed = false;
        cut = true;
        cuts += 1;
        client.destroy();
      }
    });
    upstream.on('data', (chunk) => {
      if (cut) upstream.destroy();
      else client.write(chunk);
    });
    client.on('close', () => {
      if (!cut) upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
    client.on('error', () => undefined);
    upstream.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP port');
  return {
    port: address.port,
    arm: () => {
      armed = true;
    },
    cuts: () => cuts,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
