import {
  isIsoDateTime,
  validateJson,
  type Actor,
  type JsonObject,
  type JsonValue,
} from '@strive/eventlog';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import type { FieldError, Invalid } from './CommandOutcome.js';
import type { AnyCommand } from './defineCommand.js';
import { formatErrors, strippedKeys } from './formatErrors.js';
import { unknownFields } from './unknownFields.js';

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
  /** `HandleOptions.correlationId`, for the events' metadata. */
  readonly correlationId?: string;
  /** `HandleOptions.causationId`, for the events' metadata. */
  readonly causationId?: string;
}

const invalid = (path: string, message: string): E.Either<Invalid, never> =>
  E.left({ _tag: 'Invalid', errors: [{ path, message }] });

const dotted = (path: string): string => path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');

const isObject = (u: JsonValue): u is JsonObject =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/** One error per path, the first found for it. Pure. */
const byPath = (errors: readonly FieldError[]): FieldError[] => {
  const first = new Map<string, FieldError>();
  for (const e of errors) if (!first.has(e.path)) first.set(e.path, e);
  return [...first.values()];
};

/**
 * Every problem of a command at once: the envelope (`id` 1-200 characters, `at` ISO-8601 with an
 * offset), the command's codec, and every unknown field (also when a known one is wrong). Pure.
 */
const fieldErrors = (
  definition: AnyCommand,
  value: JsonObject,
  envelope: t.Validation<t.TypeOf<typeof Envelope>>,
  decoded: t.Validation<unknown>,
): FieldError[] => {
  const errors: FieldError[] = [];
  if (E.isLeft(envelope)) errors.push(...formatErrors(envelope.left));
  else {
    const { id, at } = envelope.right;
    if (id.length === 0 || id.length > 200)
      errors.push({ path: 'id', message: 'must be 1 to 200 characters' });
    if (!isIsoDateTime(at))
      errors.push({ path: 'at', message: 'must be an ISO-8601 date-time with an offset' });
  }
  if (E.isLeft(decoded))
    errors.push(...formatErrors(decoded.left), ...unknownFields(definition.codec, value));
  // A codec that returned the input itself dropped nothing.
  else if (decoded.right !== value) errors.push(...strippedKeys(value, decoded.right));
  return errors.length === 0 ? errors : byPath(errors);
};

/**
 * Decodes a command at the boundary: plain JSON, a known `type`, a non-empty `id`, an ISO-8601 `at`
 * with offset, then the command's own codec (exact: unknown keys are errors); an `Invalid` lists every
 * bad or unknown field at once. Pure.
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
  const decoded = definition.codec.decode(value);
  const errors = fieldErrors(definition, value, envelope, decoded);
  if (errors.length > 0 || E.isLeft(envelope) || E.isLeft(decoded))
    return E.left({ _tag: 'Invalid', errors });
  const { id, at, actor } = envelope.right;
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
