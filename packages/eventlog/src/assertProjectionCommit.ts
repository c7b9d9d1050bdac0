import * as E from 'fp-ts/lib/Either.js';
import type { ProjectionCommit } from './ProjectionDocuments.js';
import type { Snapshot } from './SnapshotStore.js';
import { validateJson } from './validateJson.js';
import { nameProblem } from './validateName.js';

/** Longest projection name, document key or snapshot key a store accepts. */
export const MAX_DOCUMENT_KEY_LENGTH = 1000;
const JSON_LIMITS = { maxDepth: 64, maxChars: 64 * 1024 * 1024 } as const;

const isPosition = (n: unknown): n is number =>
  typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/**
 * Throws (a programmer error, with what to fix) unless `name` can be stored as a projection name, document
 * key or snapshot key: a non-empty well-formed string without control characters. Pure.
 */
export const assertStorableName = (what: string, name: unknown): void => {
  const problem = nameProblem(name, MAX_DOCUMENT_KEY_LENGTH);
  if (problem !== null) throw new Error(`${what} ${problem}`);
};

const assertJson = (what: string, value: unknown): void => {
  const r = validateJson(value, what, JSON_LIMITS);
  if (E.isLeft(r)) throw new Error(`${r.left.path} ${r.left.reason}; store plain JSON only`);
};

/**
 * Throws unless a projection commit is well-formed: valid names and keys, checkpoints that are
 * non-negative integers with `checkpoint >= expectedCheckpoint`, JSON values, and each key at most once
 * across upserts and deletes. Every store calls it before writing. Pure.
 */
export const assertProjectionCommit = (commit: ProjectionCommit): void => {
  assertStorableName('projection name', commit.projection);
  if (!isPosition(commit.expectedCheckpoint) || !isPosition(commit.checkpoint))
    throw new Error('commitProjection: checkpoints must be non-negative integers');
  if (commit.checkpoint < commit.expectedCheckpoint)
    throw new Error(
      `commitProjection: checkpoint ${commit.checkpoint} is below expectedCheckpoint ` +
        `${commit.expectedCheckpoint}; use resetProjection to start over`,
    );
  const keys = new Set<string>();
  const once = (key: string): void => {
    assertStorableName('document key', key);
    if (keys.has(key))
      throw new Error(`commitProjection: key ${JSON.stringify(key)} appears more than once`);
    keys.add(key);
  };
  for (const u of commit.upserts) {
    once(u.key);
    assertJson(`document ${JSON.stringify(u.key)}`, u.value);
  }
  for (const k of commit.deletes) once(k);
};

/** Throws unless a snapshot is well-formed: names, a non-negative position, hex hashes, a JSON state. Pure. */
export const assertSnapshot = (snapshot: Snapshot): void => {
  assertStorableName('snapshot streamId', snapshot.streamId);
  assertStorableName('snapshot key', snapshot.key);
  if (!isPosition(snapshot.streamPosition))
    throw new Error('saveSnapshot: streamPosition must be a non-negative integer');
  for (const field of ['eventHash', 'digest'] as const)
    if (typeof snapshot[field] !== 'string' || !/^[0-9a-f]{64}$/.test(snapshot[field]))
      throw new Error(`saveSnapshot: ${field} must be 64 lowercase hex digits (see sealSnapshot)`);
  assertJson('snapshot state', snapshot.state);
};
