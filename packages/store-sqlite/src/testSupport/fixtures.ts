import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@strive/eventlog';

/** A realistic event for tests: a member publishes a commitment. Pure. */
export const commitment = (n: number, eventId?: string): NewEvent => ({
  ...(eventId === undefined ? {} : { eventId }),
  type: 'CommitmentPublished',
  data: {
    subject: { kind: 'member', id: `m-${n}` },
    pledges: [
      { id: `p-${n}`, text: `Pledge number ${n}: tutor two neighbours`, due: '2011-06-30' },
    ],
  },
  metadata: { at: '2010-05-11T09:00:00+08:00', actor: { id: `m-${n}`, role: 'member' } },
});

/** A deterministic UUID from a number. Pure. */
export const uuid = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** A fresh temporary directory and a function that removes it. Does I/O. */
export const tempDir = (): {
  readonly dir: string;
  readonly file: string;
  readonly remove: () => void;
} => {
  const dir = mkdtempSync(join(tmpdir(), 'strive-sqlite-'));
  return {
    dir,
    file: join(dir, 'events.db'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
};

/** Collects an async iterable into an array. Does whatever the iterable does. */
export const collect = async <A>(it: AsyncIterable<A>): Promise<A[]> => {
  const out: A[] = [];
  for await (const a of it) out.push(a);
  return out;
};
