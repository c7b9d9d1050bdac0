import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { assertBuilt, runCli } from './support/paths.js';

assertBuilt();
let server: Server;
let port = 0;
const sockets = new Set<Socket>();
let accepted = 0;

beforeAll(async () => {
  // A listener that accepts every connection and never answers (finding 5 of issue 21).
  server = createServer((s) => {
    accepted += 1;
    sockets.add(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

it('fails with a clear error within 10 s against a PostgreSQL that never answers, and honours connect_timeout', async () => {
  const timed = async (url: string) => {
    const started = performance.now();
    const r = await runCli(['verify', '--db', url]);
    return { ...r, seconds: (performance.now() - started) / 1000 };
  };
  // What starting the CLI costs on this machine (it is shared: under load a start takes seconds).
  const startup = await (async () => {
    const started = performance.now();
    await runCli(['--help']);
    return (performance.now() - started) / 1000;
  })();
  const byDefault = await timed(`postgres://u@127.0.0.1:${port}/x`);
  const fromUrl = await timed(`postgres://u@127.0.0.1:${port}/x?connect_timeout=1`);
  for (const r of [byDefault, fromUrl]) {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^strive: cannot use PostgreSQL at postgres:\/\/u@127\.0\.0\.1:\d+\/x.*connection timeout.*connect_timeout=SECONDS in the URL\)\n$/,
    );
  }
  // The default connect timeout is 5 s: the error comes within 10 s, whatever start-up costs here.
  expect(byDefault.seconds).toBeGreaterThanOrEqual(5);
  expect(byDefault.seconds - startup).toBeLessThan(10);
  expect(fromUrl.seconds).toBeLessThan(byDefault.seconds - 2);
  expect(accepted).toBeGreaterThanOrEqual(2);
  console.log(
    `silent PostgreSQL: ${accepted} connections accepted and never answered; default exit ${byDefault.code} after ${byDefault.seconds.toFixed(1)} s (CLI start-up alone ${startup.toFixed(1)} s on this machine), connect_timeout=1 exit ${fromUrl.code} after ${fromUrl.seconds.toFixed(1)} s: ${byDefault.stderr.trim()}`,
  );
}, 60_000);
