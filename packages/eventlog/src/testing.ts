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
import type { EventStore } from './EventStore.js';
import { DEFAULT_MAX_EVENT_BYTES } from './prepareEvents.js';

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
}

/**
 * Registers the conformance suite every `EventStore` must pass (vitest): expected versions, atomicity,
 * idempotency, validation, hash chain, round trips, reads, subscriptions, snapshots, projection
 * documents and inline projections. Each test opens a fresh store from `factory` and closes it after.
 * @example
 * describeEventStoreContract('memory store', async () => createMemoryEventStore());
 */
export const describeEventStoreContract = (
  name: string,
  factory: () => Promise<EventStore>,
  options: EventStoreContractOptions = {},
): void => {
  describe(`EventStore contract: ${name}`, () => {
    let current: EventStore | undefined;
    beforeEach(async () => {
      current = await factory();
    });
    afterEach(async () => {
      const store = current;
      current = undefined;
      await store?.close();
    });
    const ctx: ContractContext = {
      store: () => {
        if (current === undefined) throw new Error('the contract store is used outside a test');
        return current;
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
    describe('snapshots', () => snapshotContract(ctx));
    describe('projection documents', () => documentsContract(ctx));
    describe('inline projections', () => inlineContract(ctx));
  });
};
