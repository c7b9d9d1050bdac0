import type { JetStreamManager } from '@nats-io/jetstream';

/** Options of `ensureEventStream`. */
export interface EventStreamOptions {
  readonly name: string;
  /** Subjects it captures, e.g. `['strive.>']`. */
  readonly subjects: readonly string[];
  /** How long JetStream remembers message ids to drop repeats, in ms (default 120,000). */
  readonly duplicateWindowMs?: number;
  /** `file` (default) or `memory`. */
  readonly storage?: 'file' | 'memory';
}

/**
 * Creates the JetStream stream a relay publishes to, unless one of that name exists (then it is left
 * as it is). Does I/O.
 * @example await ensureEventStream(await jetstreamManager(nc), { name: 'STRIVE', subjects: ['strive.>'] });
 */
export const ensureEventStream = async (
  jsm: JetStreamManager,
  options: EventStreamOptions,
): Promise<void> => {
  const exists = await jsm.streams.info(options.name).then(
    () => true,
    () => false,
  );
  if (exists) return;
  await jsm.streams.add({
    name: options.name,
    subjects: [...options.subjects],
    duplicate_window: (options.duplicateWindowMs ?? 120_000) * 1_000_000,
    storage: options.storage === 'memory' ? 'memory' : 'file',
  });
};
