import { describeEventStoreContract } from '@strive/eventlog/testing';
import { describePg } from './pgSuite.js';

describePg('PostgreSQL event store', ({ recycled }) => {
  // Each contract test gets a store on an empty schema: the previous test's, emptied (migrating a fresh
  // schema per test cost most of the suite's time); all are dropped after the suite.
  describeEventStoreContract('postgres', () => recycled({ poolSize: 4, listenReconnectMs: 50 }));
});
