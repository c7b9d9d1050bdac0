const field = (e: unknown, name: string): string | undefined => {
  if (typeof e !== 'object' || e === null || !(name in e)) return undefined;
  const v: unknown = (e as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
};

/** The SQLSTATE (or Node socket error code) of an error, if it has one. Pure. */
export const errorCode = (e: unknown): string | undefined => field(e, 'code');

/** The constraint a PostgreSQL error names, if any. Pure. */
const errorConstraint = (e: unknown): string | undefined => field(e, 'constraint');

/** Whether an error is a unique violation, optionally of one named constraint. Pure. */
export const isUniqueViolation = (e: unknown, constraint?: string): boolean =>
  errorCode(e) === '23505' && (constraint === undefined || errorConstraint(e) === constraint);

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);
const SERVER_GONE = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * Whether an error means the server could not be reached or the connection broke (so the outcome of a
 * transaction in flight may be unknown), as opposed to an error in the statement itself. Pure.
 */
export const isConnectionError = (e: unknown): boolean => {
  const code = errorCode(e);
  if (
    code !== undefined &&
    (SOCKET_CODES.has(code) || SERVER_GONE.has(code) || code.startsWith('08'))
  )
    return true;
  const message = e instanceof Error ? e.message : '';
  return /Connection terminated|connection error|Client was closed|timeout exceeded when trying to connect/i.test(
    message,
  );
};

/** Whether PostgreSQL asks for the transaction to be run again (serialization failure, deadlock). Pure. */
export const isRetryableTransaction = (e: unknown): boolean => {
  const code = errorCode(e);
  return code === '40001' || code === '40P01';
};

/** A short description of an error for a `StoreUnavailable` reason. Pure. */
export const describeError = (e: unknown): string => {
  const code = errorCode(e);
  const message = e instanceof Error ? e.message : String(e);
  return code === undefined ? message : `${message} (${code})`;
};
