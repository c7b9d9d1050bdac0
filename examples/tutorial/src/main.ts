import { createSqliteEventStore } from '@strive/store-sqlite';
import { runTutorial } from './runTutorial.js';

// The imperative shell: open the embedded store, run, close. `node dist/main.js [file]`.
const store = createSqliteEventStore({ path: process.argv[2] ?? 'claims.db' });
try {
  await runTutorial(store, (line) => console.log(line));
} finally {
  await store.close();
}
