import type { EventStore, StoredEvent, Subscription } from '@strive/eventlog';

/** How the live event stream treats each client. */
export interface EventStreamOptions {
  /** Events (and heartbeats) buffered for one client before it is dropped as too slow (default 1,000). */
  readonly bufferSize?: number;
  /** A comment line is sent this often so proxies keep the connection open (default 15,000 ms). */
  readonly heartbeatMs?: number;
  /** How often stores without push notifications are polled for new events (default: the store's). */
  readonly pollIntervalMs?: number;
}

/** The streams open at one time, each by the function that ends it, so that `close` can end them all. */
export type OpenStreams = Set<() => Promise<void>>;

const encoder = new TextEncoder();

/** One event as an SSE frame: `id` is its global position, `event` its type, `data` the stored envelope. Pure. */
export const sseFrame = (event: StoredEvent): string =>
  `id: ${event.globalPosition}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;

/**
 * A Server-Sent Events response of every event after `after`, in global order, live: one store
 * subscription per client whose handler only enqueues, so no client waits on another. A client whose
 * buffer holds `bufferSize` unsent frames is dropped (its connection closed); it resumes without loss
 * or repeat by reconnecting with `Last-Event-ID`. Does I/O.
 */
export const eventStream = (
  store: EventStore,
  after: number,
  options: EventStreamOptions,
  open: OpenStreams,
): Response => {
  const bufferSize = options.bufferSize ?? 1000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  let subscription: Subscription | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let ended = false;
  let end = (): void => undefined;
  const stop = async (): Promise<void> => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    open.delete(close);
    await subscription?.stop();
  };
  const close = async (): Promise<void> => {
    await stop();
    end();
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start: (controller) => {
        const send = (text: string): void => {
          if (ended) return;
          if ((controller.desiredSize ?? 0) <= 0) {
            void stop();
            controller.error(new Error(`the client read too slowly (${bufferSize} frames behind)`));
            return;
          }
          controller.enqueue(encoder.encode(text));
        };
        send('retry: 1000\n\n');
        let last = after;
        subscription = store.subscribe({
          after,
          ...(options.pollIntervalMs === undefined
            ? {}
            : { pollIntervalMs: options.pollIntervalMs }),
          handler: (event) => {
            if (event.globalPosition <= last) return;
            last = event.globalPosition;
            send(sseFrame(event));
          },
        });
        subscription.done.catch((e: unknown) => {
          if (ended) return;
          void stop();
          controller.error(e);
        });
        heartbeat = setInterval(() => send(': heartbeat\n\n'), heartbeatMs);
        heartbeat.unref();
        end = () => {
          try {
            controller.close();
          } catch {
            // already errored or cancelled: nothing left to end
          }
        };
        open.add(close);
      },
      cancel: () => stop(),
    },
    new CountQueuingStrategy({ highWaterMark: bufferSize }),
  );
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
};
