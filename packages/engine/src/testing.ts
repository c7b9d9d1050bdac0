import { deepStrictEqual } from 'node:assert/strict';
import {
  appendToStream,
  createMemoryEventStore,
  JsonValueCodec,
  type EventStore,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandOutcome } from './CommandOutcome.js';
import { createEngine } from './createEngine.js';
import type { Engine, EngineOptions } from './Engine.js';
import type { JsonLiteral } from './JsonLiteral.js';
import type { HandleOptions } from './Principal.js';

export type { JsonLiteral } from './JsonLiteral.js';

export { createMemoryEventStore } from '@strive/eventlog';
export {
  commandPaths,
  eventPaths,
  type EventPath,
  type EventPathsOptions,
  type GraphEvent,
} from './graphPaths.js';

/** An event already in the log before the command under test (appended as is: any schema version). */
export interface GivenEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: JsonLiteral;
  readonly schemaVersion?: number;
  /** Business time (default `2026-01-01T00:00:00Z`). */
  readonly at?: string;
}

/** An event the command is expected to append (metadata and ids are not compared). */
export interface ExpectedEvent {
  readonly streamId: string;
  readonly type: string;
  readonly data: JsonLiteral;
}

/** Expects a `Rejected` outcome with exactly these rule ids (in any order). */
export interface ExpectRejected {
  readonly _tag: 'ExpectRejected';
  readonly ruleIds: readonly string[];
}

/** Expects an `Invalid` outcome with exactly these field paths (in any order). */
export interface ExpectInvalid {
  readonly _tag: 'ExpectInvalid';
  readonly paths: readonly string[];
}

/** What `then` checks. */
export type Expectation = readonly ExpectedEvent[] | ExpectRejected | ExpectInvalid;

/** Expect a refusal listing exactly these rules. Pure. */
export const rejected = (...ruleIds: readonly string[]): ExpectRejected => ({
  _tag: 'ExpectRejected',
  ruleIds,
});
/** Expect an `Invalid` outcome at exactly these paths. Pure. */
export const invalid = (...paths: readonly string[]): ExpectInvalid => ({
  _tag: 'ExpectInvalid',
  paths,
});

/**
 * A command as JSON for a scenario: `type`, `id` (default `c1`), `at` (default
 * `2026-01-01T09:00:00Z`), `actor`, then `fields` (which may override `id` and `at`). Pure.
 * @example commandOf('SubmitClaim', { id: 'ana', role: 'employee' }, { claimId: '1' })
 */
export const commandOf = (
  type: string,
  actor: { readonly id: string; readonly role: string },
  fields: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> => ({
  type,
  id: 'c1',
  at: '2026-01-01T09:00:00Z',
  actor,
  ...fields,
});

/** The engine options of a scenario; the store defaults to a fresh in-memory store. */
export type ScenarioOptions = Omit<EngineOptions, 'store'> & { readonly store?: EventStore };

/** What a finished scenario hands back, for further assertions. */
export interface ScenarioResult {
  readonly outcome: CommandOutcome;
  readonly store: EventStore;
  readonly engine: Engine;
}

const sorted = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

const check = (outcome: CommandOutcome, appended: number, expected: Expectation): void => {
  if ('_tag' in expected && expected._tag === 'ExpectRejected') {
    deepStrictEqual(outcome._tag, 'Rejected', `expected Rejected, got ${JSON.stringify(outcome)}`);
    if (outcome._tag === 'Rejected')
      deepStrictEqual(sorted(outcome.failures.map((f) => f.ruleId)), sorted(expected.ruleIds));
    deepStrictEqual(appended, 0, 'a rejected command must append nothing');
    return;
  }
  if ('_tag' in expected && expected._tag === 'ExpectInvalid') {
    deepStrictEqual(outcome._tag, 'Invalid', `expected Invalid, got ${JSON.stringify(outcome)}`);
    if (outcome._tag === 'Invalid')
      deepStrictEqual(sorted(outcome.errors.map((e) => e.path)), sorted(expected.paths));
    deepStrictEqual(appended, 0, 'an invalid command must append nothing');
    return;
  }
  if ('_tag' in expected) return;
  deepStrictEqual(outcome._tag, 'Accepted', `expected Accepted, got ${JSON.stringify(outcome)}`);
  const events = outcome._tag === 'Accepted' ? outcome.events : [];
  deepStrictEqual(
    events.map((e) => ({ streamId: e.streamId, type: e.type, data: e.data })),
    expected.map((e) => ({ streamId: e.streamId, type: e.type, data: e.data })),
  );
};

/**
 * Given-when-then over an in-memory store: `given` events are appended as they are, `when` handles one
 * command, `then` asserts the appended events, or `rejected(...ruleIds)` / `invalid(...paths)` (and that
 * nothing was appended). `when(command, { principal, now })` handles it as an adapter would for that
 * sender and clock. Call `then` with an expectation (awaiting `when(...)` itself is an error). Does I/O.
 * @example
 * await given([{ streamId: 'order-1', type: 'ItemAdded', data: { sku: 'a', price: 5 } }], { commands })
 *   .when({ type: 'PayOrder', id: 'c1', at: '2026-01-02T00:00:00Z', orderId: '1', amount: 5 })
 *   .then(rejected('order.placed'));
 */
export const given = (events: readonly GivenEvent[], options: ScenarioOptions) => ({
  when: (command: unknown, handleOptions?: HandleOptions) => ({
    then: async (expected: Expectation): Promise<ScenarioResult> => {
      if (typeof expected === 'function')
        throw new Error(
          'given(...).when(...) is not a promise: call .then(expectedEvents | rejected(...))',
        );
      const store = options.store ?? createMemoryEventStore();
      for (const [i, e] of events.entries()) {
        const data = JsonValueCodec.decode(e.data);
        if (E.isLeft(data)) throw new Error(`given event ${i} has data that is not JSON`);
        const r = await appendToStream(
          store,
          e.streamId,
          [
            {
              type: e.type,
              data: data.right,
              schemaVersion: e.schemaVersion ?? 1,
              metadata: { at: e.at ?? '2026-01-01T00:00:00Z' },
            },
          ],
          { expectedVersion: 'any' },
        );
        if (E.isLeft(r))
          throw new Error(`given event ${i} was refused by the store: ${JSON.stringify(r.left)}`);
      }
      const engine = createEngine({ ...options, store });
      const before = (await store.head()).globalPosition;
      const outcome = await engine.handle(command, handleOptions);
      check(outcome, (await store.head()).globalPosition - before, expected);
      return { outcome, store, engine };
    },
  }),
});
