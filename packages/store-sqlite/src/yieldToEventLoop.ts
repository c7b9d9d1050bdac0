import { setImmediate } from 'node:timers/promises';

/** Lets pending I/O and timers run between two batches of a long read. Does I/O (schedules). */
export const yieldToEventLoop = (): Promise<void> => setImmediate();
