import { describeEventStoreContract } from './testing.js';
import { createMemoryEventStore } from './createMemoryEventStore.js';

describeEventStoreContract('memory', () => Promise.resolve(createMemoryEventStore()));
describeEventStoreContract(
  'memory with a 64 KiB event limit',
  () => Promise.resolve(createMemoryEventStore({ maxEventBytes: 64 * 1024 })),
  { maxEventBytes: 64 * 1024 },
);
