const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a string is an ISO-8601 date-time with an explicit offset. Pure. */
export const isIsoDateTime = (s: string): boolean =>
  ISO_TIME.test(s) && Number.isFinite(Date.parse(s));
