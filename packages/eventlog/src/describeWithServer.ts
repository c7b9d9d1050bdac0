import { describe, it } from 'vitest';

/** The environment variables of a test server: its URL, and the flag (`=1`) that makes it required. */
export interface ServerEnv {
  readonly url: string;
  readonly require: string;
}

/**
 * Declares a suite that needs a server whose URL is in the environment variable `env.url`: skipped
 * with a warning when it is unset or empty, failed when `env.require` is `1` (CI, where the server is
 * installed) and it is unset. `body` gets the URL. For tests only.
 * @example describeWithServer('on NATS', { url: 'STRIVE_NATS_URL', require: 'STRIVE_REQUIRE_NATS' }, (url) => {});
 */
export const describeWithServer = (
  name: string,
  env: ServerEnv,
  body: (url: string) => void,
): void => {
  const url = process.env[env.url];
  if (url !== undefined && url !== '') {
    describe(name, () => body(url));
    return;
  }
  if (process.env[env.require] === '1') {
    describe(name, () => {
      it(`has a server (${env.require}=1 needs ${env.url})`, () => {
        throw new Error(`${env.require}=1 but ${env.url} is not set`);
      });
    });
    return;
  }
  console.warn(`${env.url} is not set; "${name}" skipped`);
  describe.skip(name, () => {
    it(`needs ${env.url}`, () => undefined);
  });
};
