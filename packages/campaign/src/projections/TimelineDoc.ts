/** One event of a stream as a timeline shows it: position, type, business time, who did it. */
export type TimelineEntry = {
  position: number;
  globalPosition: number;
  type: string;
  at: string;
  actor: { id: string; role: string } | null;
  commandId: string | null;
};

/** A stream's timeline (one document per campaign or subject stream). */
export type TimelineDoc = { streamId: string; entries: TimelineEntry[] };
