import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { describeWithServer } from '@strive/eventlog/testing';
import { afterAll, beforeAll } from 'vitest';

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
export const describeNats = (name: string, body: (ctx: NatsContext) => void): void =>
  describeWithServer(name, { url: 'STRIVE_NATS_URL', require: 'STRIVE_REQUIRE_NATS' }, (url) => {
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
