import { describeEventStoreContract } from '@strive/eventlog/testing';
import { describePg } from './pgSuite.js';

describePg('PostgreSQL event store', ({ store }) => {
  // Each contract test gets a store on its own fresh schema, dropped after the suite.
  describeEventStoreContract('postgres', async () => {
    const s = store({ poolSize: 4, listenReconnectMs: 50 });
    await s.ready();
    return s;
  });
});
