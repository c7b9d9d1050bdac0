import { v7 } from 'uuid';

/** A fresh UUIDv7 (time-ordered) event id. Impure: reads the clock and random numbers. */
export const newEventId = (): string => v7();
