import * as t from 'io-ts';

/** A line of an exported log whose event's hash does not hold: its number, and where the event says it is. */
export const LineHashFailureCodec = t.readonly(
  t.type({
    line: t.number,
    globalPosition: t.number,
    streamId: t.string,
    streamPosition: t.number,
  }),
);

/** A line of an exported log whose event's hash does not hold (`LineHashFailureCodec`). */
export type LineHashFailure = t.TypeOf<typeof LineHashFailureCodec>;
