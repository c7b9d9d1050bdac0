import type { StoreUnavailable } from '@strive/eventlog';

/** Runs synchronous I/O and hands its outcome over as a promise (a throw becomes a rejection). */
export const promised = <A>(work: () => A): Promise<A> => {
  try {
    return Promise.resolve(work());
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
};

/** Rejection of a non-append write (snapshot, projection) that stayed busy past the retry budget. */
export class StoreUnavailableError extends Error {
  readonly failure: StoreUnavailable;
  constructor(failure: StoreUnavailable) {
    super(`store unavailable: ${failure.reason}`);
    this.name = 'StoreUnavailableError';
    this.failure = failure;
  }
}
