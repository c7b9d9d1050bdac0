import * as E from 'fp-ts/lib/Either.js';
import { authorizeActor, withPrincipalActor } from './authorizeActor.js';
import { checkClockSkew } from './checkClockSkew.js';
import type { Invalid, Rejected } from './CommandOutcome.js';
import type { AnyCommand } from './defineCommand.js';
import { decodeCommand, type DecodedCommand } from './decodeCommand.js';
import type { HandleOptions } from './Principal.js';

/**
 * Decodes a command and admits it from its sender: the actor is filled from the principal when
 * omitted, then checked against it (`auth.principal`), and its `at` against the adapter's clock
 * (`clock.skew`); every failing rule is listed. The options' correlation and causation ids ride along
 * to the events' metadata. Nothing here reads the store. Pure.
 */
export const admitCommand = (
  input: unknown,
  commands: ReadonlyMap<string, AnyCommand>,
  options: HandleOptions,
  maxClockSkewMs: number,
): E.Either<Invalid | Rejected, DecodedCommand> => {
  const decoded = decodeCommand(withPrincipalActor(input, options.principal), commands);
  if (E.isLeft(decoded)) return decoded;
  const cmd = decoded.right;
  const failures = [
    ...authorizeActor(cmd.actor, options.principal),
    ...checkClockSkew(cmd.at, options.now, maxClockSkewMs),
  ];
  if (failures.length > 0)
    return E.left({ _tag: 'Rejected', commandId: cmd.id, type: cmd.type, failures });
  const { correlationId, causationId } = options;
  return correlationId === undefined && causationId === undefined
    ? decoded
    : E.right({
        ...cmd,
        ...(correlationId === undefined ? {} : { correlationId }),
        ...(causationId === undefined ? {} : { causationId }),
      });
};
