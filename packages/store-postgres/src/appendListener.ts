import type { Pool, PoolClient } from 'pg';

/** Wakes subscriptions when appends are announced on a NOTIFY channel. */
export interface AppendListener {
  /** Registers a wake-up function (called on every notification and after every reconnect). */
  readonly onNotify: (wake: () => void) => () => void;
  /** Stops listening and releases the dedicated connection. */
  readonly close: () => Promise<void>;
}

/**
 * A LISTEN on its own pooled connection, opened while at least one subscription is registered. The
 * payload (a global position) is only a hint: subscribers re-read from their checkpoint, so a lost
 * notification costs at most one poll interval. When the connection drops (server restart,
 * `pg_terminate_backend`), it reconnects after `reconnectMs` and wakes every subscriber, so events
 * appended while it was away are read at once. Does I/O.
 */
export const createAppendListener = (
  pool: Pool,
  channel: string,
  reconnectMs = 200,
): AppendListener => {
  const wakers = new Set<() => void>();
  let client: PoolClient | undefined;
  let connecting = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const wakeAll = (): void => {
    for (const w of [...wakers]) w();
  };
  const scheduleReconnect = (): void => {
    if (closed || wakers.size === 0 || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connect();
    }, reconnectMs);
    timer.unref();
  };
  const drop = (c: PoolClient, error?: Error): void => {
    if (client !== c) return;
    client = undefined;
    c.removeAllListeners('notification');
    c.release(error ?? true);
    wakeAll();
    scheduleReconnect();
  };
  const connect = async (): Promise<void> => {
    if (closed || connecting || client !== undefined || wakers.size === 0) return;
    connecting = true;
    try {
      const c = await pool.connect();
      c.on('error', (e) => drop(c, e));
      c.on('end', () => drop(c));
      c.on('notification', wakeAll);
      client = c;
      await c.query(`LISTEN "${channel}"`);
      wakeAll();
      if (closed || wakers.size === 0) stop();
    } catch {
      if (client !== undefined) drop(client, new Error('LISTEN failed'));
      else scheduleReconnect();
    } finally {
      connecting = false;
    }
  };
  const stop = (): void => {
    const c = client;
    client = undefined;
    if (c !== undefined) {
      c.removeAllListeners('notification');
      c.release(true);
    }
  };

  return {
    onNotify: (wake) => {
      wakers.add(wake);
      void connect();
      return () => {
        wakers.delete(wake);
        if (wakers.size === 0) stop();
      };
    },
    close: async () => {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      wakers.clear();
      stop();
      await Promise.resolve();
    },
  };
};
