/**
 * Groups an async sequence into arrays of up to `size` items, in order (the last one may be shorter).
 * Pure over its input.
 * @example for await (const events of inBatches(store.readAll(), 1000)) fold(events);
 */
export async function* inBatches<T>(items: AsyncIterable<T>, size: number): AsyncIterable<T[]> {
  let batch: T[] = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
