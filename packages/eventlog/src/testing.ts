import { afterEach, beforeEach, describe } from 'vitest';
import { appendContract } from './contract/appendContract.js';
import { concurrencyContract } from './contract/concurrencyContract.js';
import { contentContract } from './contract/contentContract.js';
import type { ContractContext } from './contract/contractKit.js';
import { documentsContract } from './contract/documentsContract.js';
import { idempotencyContract } from './contract/idempotencyContract.js';
import { inlineContract } from './contract/inlineContract.js';
import { readContract } from './contract/readContract.js';
import { snapshotContract } from './contract/snapshotContract.js';
import { subscriptionContract } from './contract/subscriptionContract.js';
import { validationContract } from './contract/validationContract.js';
import type { EventLog, EventStore } from './EventStore.js';
import { DEFAULT_MAX_EVENT_BYTES } from './prepareEvents.js';
import { hasProjectionDocuments } from './ProjectionDocuments.js';
import { hasSnapshots } from './SnapshotStore.js';

export { describeWithServer, type ServerEnv } from './describeWithServer.js';
export {
  appendManyUnchecked,
  appendUnchecked,
  collect,
  fingerprint,
  leftOf,
  newTestEvent,
  TEST_AT,
  testEventId,
  unwrapLeft,
  unwrapRight,
  type StoreFingerprint,
} from './contract/contractKit.js';

/** Options of `describeEventStoreContract`. */
export interface EventStoreContractOptions {
  /** The `maxEventBytes` the factory configures its stores with (default 1 MiB). */
  readonly maxEventBytes?: number;
  /**
   * The factory makes a log without snapshots and projection documents (an `EventLog`, such as a
   * decorator over a store's log): only the log's sections are registered. Without it, those three
   * sections run and fail on a log-only store.
   */
  readonly logOnly?: boolean;
}

const isWholeStore = (log: EventLog): log is EventStore =>
  hasSnapshots(log) && hasProjectionDocuments(log);

/**
 * Registers the conformance suite every store must pass (vitest). The log: expected versions,
 * atomicity, idempotency, validation, hash chain, round trips, reads, subscriptions. A store that
 * also keeps snapshots and projection documents (`EventStore`): those, and inline projections; a
 * log-only store (option `logOnly`) registers only the log's sections. Each test opens a fresh store from `factory` and closes it after.
 * @example
 * describeEventStoreContract('memory store', async () => createMemoryEventStore());
 */
export const describeEventStoreContract = (
  name: string,
  factory: () => Promise<EventLog>,
  options: EventStoreContractOptions = {},
): void => {
  describe(`EventStore contract: ${name}`, () => {
    let current: EventLog | undefined;
    beforeEach(async () => {
      current = await factory();
    });
    afterEach(async () => {
      const store = current;
      current = undefined;
      await store?.close();
    });
    const log = (): EventLog => {
      if (current === undefined) throw new Error('the contract store is used outside a test');
      return current;
    };
    const ctx: ContractContext = {
      log,
      store: () => {
        const store = log();
        if (!isWholeStore(store))
          throw new Error('this contract section needs a store with snapshots and documents');
        return store;
      },
      maxEventBytes: options.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES,
    };
    describe('appends', () => appendContract(ctx));
    describe('concurrency', () => concurrencyContract(ctx));
    describe('idempotency', () => idempotencyContract(ctx));
    describe('validation', () => validationContract(ctx));
    describe('content', () => contentContract(ctx));
    describe('reads', () => readContract(ctx));
    describe('subscriptions', () => subscriptionContract(ctx));
    if (options.logOnly === true) return;
    describe('snapshots', () => snapshotContract(ctx));
    describe('projection documents', () => documentsContract(ctx));
    describe('inline projections', () => inlineContract(ctx));
  });
};
