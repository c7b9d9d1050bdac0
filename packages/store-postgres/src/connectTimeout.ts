/** How long connecting may take when neither the options nor the URL say (ms). */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/**
 * The connect timeout of a pool the store creates, in ms: `poolConfig.connectionTimeoutMillis` when
 * given, else the URL's `connect_timeout` (seconds, as libpq reads it; 0 means wait forever), else
 * `DEFAULT_CONNECT_TIMEOUT_MS`, so a server that accepts and never answers fails instead of hanging.
 * Pure; throws a `TypeError` for a `connect_timeout` that is not a whole number of seconds.
 * @example connectTimeoutMs('postgres://h/db?connect_timeout=3', undefined) // 3000
 */
export const connectTimeoutMs = (
  connectionString: string,
  configured: number | undefined,
): number => {
  if (configured !== undefined) return configured;
  const query = connectionString.split('?')[1];
  const value = query === undefined ? null : new URLSearchParams(query).get('connect_timeout');
  if (value === null) return DEFAULT_CONNECT_TIMEOUT_MS;
  if (!/^\d{1,7}$/.test(value))
    throw new TypeError(
      `createPostgresEventStore: connect_timeout in the URL must be whole seconds (got "${value}")`,
    );
  return Number(value) * 1000;
};
