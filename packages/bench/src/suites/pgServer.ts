import pg from 'pg';

/** The PostgreSQL server the bench uses when neither `--pg-url` nor STRIVE_PG_URL is given. */
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** Which server the PostgreSQL rows use, and why; or why there are none. */
export type PgServer =
  | { readonly _tag: 'Reachable'; readonly url: string; readonly source: string }
  | { readonly _tag: 'Unreachable'; readonly reason: string };

const redact = (url: string): string => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * The server of the PostgreSQL rows: `--pg-url`, else STRIVE_PG_URL, else the default local server
 * if it answers `SELECT 1` within 3 s; otherwise why not (the rows are then skipped, loudly). Does I/O.
 */
export const findPgServer = async (flag: string | undefined): Promise<PgServer> => {
  const env = process.env['STRIVE_PG_URL'];
  const [url, source] =
    flag !== undefined
      ? [flag, '--pg-url']
      : env !== undefined && env !== ''
        ? [env, 'STRIVE_PG_URL']
        : [DEFAULT_PG_URL, 'the default (STRIVE_PG_URL unset)'];
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { _tag: 'Reachable', url, source };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      _tag: 'Unreachable',
      reason: `no PostgreSQL server at ${redact(url)} (${source}): ${why}. Set STRIVE_PG_URL to run these rows`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
};

/** The URL without its password, for the doc. Pure. */
export const shownUrl = redact;
