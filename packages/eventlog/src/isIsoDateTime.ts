const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The last string found valid: events written together usually share their business time. */
let lastValid = '';

/**
 * Whether a string is an ISO-8601 date-time with an explicit offset. Pure (it remembers the last
 * valid string only to skip re-parsing it; the answer never depends on that memory).
 */
export const isIsoDateTime = (s: string): boolean => {
  if (s === lastValid) return true;
  if (!ISO_TIME.test(s) || !Number.isFinite(Date.parse(s))) return false;
  lastValid = s;
  return true;
};
