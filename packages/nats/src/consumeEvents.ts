import * as E from 'fp-ts/lib/Either.js';
import { DeliverPolicy, type JetStreamClient } from '@nats-io/jetstream';
import { createChainVerifier, type StoredEvent } from '@strive/eventlog';
import { decodeEvent, type ForgedMessage } from './eventMessage.js';

/** Options of `consumeEvents`. */
export interface ConsumeEventsOptions {
  /** A JetStream client: `jetstream(nc)`. */
  readonly js: JetStreamClient;
  /** The JetStream stream the relay publishes to. */
  readonly stream: string;
  /** Only these subjects (wildcards allowed; default: all). Several need nats-server 2.10 or later. */
  readonly filterSubjects?: readonly string[];
  /** The first stream sequence to read (default 1). */
  readonly startSeq?: number;
  /**
   * Also check the hash chain: each event's `prevHash` is the previous event's hash, positions are
   * gap-free from 1. Only for a relay that publishes every event, read from the start.
   */
  readonly chain?: boolean;
}

/** One message read back: its stream sequence and subject, and the event or why it is not genuine. */
export interface ConsumedEvent {
  readonly seq: number;
  readonly subject: string;
  readonly event: E.Either<ForgedMessage, StoredEvent>;
}

/**
 * Reads a relay's messages back as `StoredEvent`s, live, in stream order, through an ordered consumer:
 * each message decoded and its hash checked against its content (`decodeEvent`), and with `chain`
 * each link of the hash chain too, so a consumer tells a forged message from a relayed one. Breaking
 * out of the loop stops the consumer. Does I/O.
 * @example
 * for await (const m of consumeEvents({ js, stream: 'NOTICES' }))
 *   if (E.isRight(m.event)) show(m.event.right); else console.error(m.event.left.reason);
 */
export async function* consumeEvents(options: ConsumeEventsOptions): AsyncGenerator<ConsumedEvent> {
  const consumer = await options.js.consumers.get(options.stream, {
    ...(options.filterSubjects === undefined
      ? {}
      : {
          // One filter goes as `filter_subject`, which servers before 2.10 understand.
          filter_subjects:
            options.filterSubjects.length === 1
              ? (options.filterSubjects[0] ?? '>')
              : [...options.filterSubjects],
        }),
    ...(options.startSeq === undefined
      ? {}
      : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: options.startSeq }),
  });
  const messages = await consumer.consume();
  const verifier = options.chain === true ? createChainVerifier() : undefined;
  try {
    for await (const m of messages) {
      let event = decodeEvent(m.data, m.seq);
      if (verifier !== undefined && E.isRight(event)) {
        const broken = verifier.check(event.right);
        if (broken !== undefined)
          event = E.left({ _tag: 'ForgedMessage', seq: m.seq, reason: broken.reason });
      }
      yield { seq: m.seq, subject: m.subject, event };
    }
  } finally {
    await messages.close().catch(() => undefined);
  }
}
