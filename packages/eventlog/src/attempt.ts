/**
 * Runs a synchronous function and gives its outcome as a promise, so a throw becomes a rejection
 * rather than escaping a method that promises to be asynchronous. Pure wrapper.
 */
export const attempt = <T>(f: () => T): Promise<T> => {
  try {
    return Promise.resolve(f());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
};
