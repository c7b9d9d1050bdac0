import { isWellFormedString } from './validateJson.js';

// eslint-disable-next-line no-control-regex -- refusing NUL and C0 controls is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why a stream id or event type cannot be stored, or `null` when it can: a non-empty, well-formed
 * string of at most `maxLength` characters without control characters (NUL included, which
 * PostgreSQL cannot store). Pure.
 */
export const nameProblem = (u: unknown, maxLength: number): string | null => {
  if (typeof u !== 'string') return 'must be a string';
  if (u.length === 0) return 'must not be empty';
  if (u.length > maxLength) return `must be at most ${maxLength} characters (got ${u.length})`;
  if (CONTROL.test(u)) return 'must not contain control characters';
  if (!isWellFormedString(u)) return 'must not contain a lone surrogate';
  return null;
};

/** Longest stream id the log accepts. */
export const MAX_STREAM_ID_LENGTH = 1000;
/** Longest event type the log accepts. */
export const MAX_EVENT_TYPE_LENGTH = 200;
