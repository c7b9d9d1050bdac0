import pg from 'pg';

/** A fresh PostgreSQL database for one run, and how to drop it. */
export interface FreshDatabase {
  readonly url: string;
  readonly drop: () => Promise<void>;
}

let made = 0;

/**
 * Creates an empty database next to the one `baseUrl` names (`strive_bench_<pid>_<n>`), so each run
 * of each side starts from nothing. Does I/O.
 */
export const freshDatabase = async (baseUrl: string): Promise<FreshDatabase> => {
  const name = `strive_bench_${process.pid}_${++made}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
};
