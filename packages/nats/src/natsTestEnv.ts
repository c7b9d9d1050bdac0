import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, it } from 'vitest';

/** The NATS server of the run (`STRIVE_NATS_URL`, e.g. `127.0.0.1:4222`), or undefined. For tests only. */
const NATS_URL: string | undefined =
  process.env['STRIVE_NATS_URL'] === '' ? undefined : process.env['STRIVE_NATS_URL'];
/** CI sets `STRIVE_REQUIRE_NATS=1` when nats-server is installed: the suites then must run. */
const NATS_REQUIRED = process.env['STRIVE_REQUIRE_NATS'] === '1';

/** A fresh JetStream stream name and subject prefix for one test: `STRIVE_T_<hex>`, `t<hex>`. */
export const freshStream = (): { readonly name: string; readonly prefix: string } => {
  const hex = randomBytes(6).toString('hex');
  return { name: `STRIVE_T_${hex}`, prefix: `t${hex}` };
};

/** What a NATS suite gets: a connection, its JetStream client and manager, and the URL. */
export interface NatsContext {
  readonly url: () => string;
  readonly nc: () => NatsConnection;
  readonly js: () => ReturnType<typeof jetstream>;
  readonly jsm: () => JetStreamManager;
  /** Streams made by the suite, deleted after it. */
  readonly track: (stream: string) => void;
}

/**
 * A suite that needs NATS with JetStream: skipped with a warning when `STRIVE_NATS_URL` is unset (failed
 * when `STRIVE_REQUIRE_NATS=1`), failed when the server does not answer. Streams given to `track` are
 * deleted afterwards. For tests only. Does I/O.
 */
export const describeNats = (name: string, body: (ctx: NatsContext) => void): void => {
  const url = NATS_URL;
  if (url === undefined) {
    if (NATS_REQUIRED) {
      describe(name, () => {
        it('has a NATS server (STRIVE_REQUIRE_NATS=1 needs STRIVE_NATS_URL)', () => {
          throw new Error('STRIVE_REQUIRE_NATS=1 but STRIVE_NATS_URL is not set');
        });
      });
      return;
    }
    console.warn(`nats: STRIVE_NATS_URL is not set; "${name}" skipped`);
    describe.skip(name, () => body(undefinedContext));
    return;
  }
  describe(name, () => {
    let nc: NatsConnection | undefined;
    let jsm: JetStreamManager | undefined;
    const streams: string[] = [];
    beforeAll(async () => {
      try {
        nc = await connect({ servers: url, timeout: 3000 });
        jsm = await jetstreamManager(nc);
      } catch (e) {
        throw new Error(
          `NATS at STRIVE_NATS_URL=${url} does not answer (with JetStream): ${String(e)}`,
        );
      }
    });
    afterAll(async () => {
      for (const s of streams) await jsm?.streams.delete(s).catch(() => undefined);
      await nc?.close();
    });
    const need = <A>(a: A | undefined): A => {
      if (a === undefined) throw new Error('not connected');
      return a;
    };
    body({
      url: () => url,
      nc: () => need(nc),
      js: () => jetstream(need(nc)),
      jsm: () => need(jsm),
      track: (s) => streams.push(s),
    });
  });
};

const undefinedContext: NatsContext = {
  url: () => {
    throw new Error('no NATS server (STRIVE_NATS_URL is not set)');
  },
  nc: () => {
    throw new Error('no NATS server');
  },
  js: () => {
    throw new Error('no NATS server');
  },
  jsm: () => {
    throw new Error('no NATS server');
  },
  track: () => undefined,
};
