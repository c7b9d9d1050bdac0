import {
  isIsoDateTime,
  validateJson,
  type Actor,
  type JsonObject,
  type JsonValue,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { Invalid } from './CommandOutcome.js';
import type { AnyCommand } from './defineCommand.js';
import { formatErrors, strippedKeys } from './formatErrors.js';

const Envelope = t.intersection([
  t.type({ type: t.string, id: t.string, at: t.string }),
  t.partial({ actor: t.type({ id: t.string, role: t.string }) }),
]);

/** A command that passed decoding: its definition, decoded value, envelope fields and raw JSON. */
export interface DecodedCommand {
  readonly definition: AnyCommand;
  readonly command: unknown;
  readonly type: string;
  readonly id: string;
  readonly at: string;
  readonly actor: Actor | undefined;
  readonly json: JsonObject;
}

const invalid = (path: string, message: string): E.Either<Invalid, never> =>
  E.left({ _tag: 'Invalid', errors: [{ path, message }] });

const dotted = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');

const isObject = (u: JsonValue): u is JsonObject =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * Decodes a command at the boundary: plain JSON, a known `type`, a non-empty `id`, an ISO-8601 `at`
 * with offset, then the command's own codec (exact: unknown keys are errors). Pure.
 */
export const decodeCommand = (
  input: unknown,
  commands: ReadonlyMap<string, AnyCommand>,
): E.Either<Invalid, DecodedCommand> => {
  const json = validateJson(input, '', { maxDepth: 64, maxChars: 4 * 1024 * 1024 });
  if (E.isLeft(json)) return invalid(dotted(json.left.path), json.left.reason);
  const value = json.right;
  if (!isObject(value)) return invalid('', 'a command must be a JSON object');
  const definition = typeof value['type'] === 'string' ? commands.get(value['type']) : undefined;
  if (definition === undefined)
    return invalid('type', `unknown command type ${JSON.stringify(value['type'] ?? null)}`);
  // `is` first: the envelope codecs do not transform, and `is` allocates nothing on the common path.
  const envelope = Envelope.is(value) ? E.right(value) : Envelope.decode(value);
  if (E.isLeft(envelope)) return E.left({ _tag: 'Invalid', errors: formatErrors(envelope.left) });
  const { id, at, actor } = envelope.right;
  if (id.length === 0 || id.length > 200) return invalid('id', 'must be 1 to 200 characters');
  if (!isIsoDateTime(at)) return invalid('at', 'must be an ISO-8601 date-time with an offset');
  const decoded = definition.codec.decode(value);
  if (E.isLeft(decoded)) return E.left({ _tag: 'Invalid', errors: formatErrors(decoded.left) });
  // A codec that returned the input itself dropped nothing.
  const extra = decoded.right === value ? [] : strippedKeys(value, decoded.right);
  if (extra.length > 0) return E.left({ _tag: 'Invalid', errors: extra });
  return E.right({
    definition,
    command: decoded.right,
    type: definition.type,
    id,
    at,
    actor: actor === undefined ? undefined : { id: actor.id, role: actor.role },
    json: value,
  });
};
