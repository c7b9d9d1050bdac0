import type * as t from 'io-ts';
import type { CommandOf } from './commandCodec.js';
import {
  defineCommand,
  type AnyCommand,
  type CommandContext,
  type CommandDefinition,
} from './defineCommand.js';
import type { StreamDecision } from './Decision.js';
import type { AnyWorkflow, ContextOf, WorkflowState } from './Workflow.js';

/** Field codecs that decode to at least the fields a stream id is built from. */
type FieldsFor<Key> = t.Props & { readonly [K in keyof Key]: t.Type<Key[K], unknown, unknown> };

/** A single-stream command of the workflow `commandsFor` was given: its type, fields and `decide`. */
interface StreamCommand<
  T extends string,
  P extends t.Props,
  O extends t.Props,
  W extends AnyWorkflow,
> {
  readonly type: T;
  readonly fields: P;
  /** Fields that may be left out. */
  readonly optional?: O;
  decide(
    cmd: CommandOf<T, P, O>,
    state: WorkflowState<ContextOf<W>>,
    ctx: CommandContext,
  ): StreamDecision<W>;
}

/**
 * `defineCommand` for the single-stream commands of one workflow whose stream id comes from the same
 * fields: give the workflow and `streamId` once, then each command's `type`, `fields` and `decide`.
 * A command whose fields lack what `streamId` reads is a compile error. Pure.
 * @example
 * const claimCommand = commandsFor(claim, (cmd: { claimId: string }) => `claim-${cmd.claimId}`);
 * const submit = claimCommand({
 *   type: 'SubmitClaim', fields: { claimId: t.string },
 *   decide: () => accept(claim.event('ClaimSubmitted', {})),
 * });
 */
export function commandsFor<W extends AnyWorkflow, Key extends object>(
  workflow: W,
  streamId: (cmd: Key) => string,
): <T extends string, P extends FieldsFor<Key>, O extends t.Props = Record<never, t.Mixed>>(
  command: StreamCommand<T, P, O, W>,
) => CommandDefinition<CommandOf<T, P, O>, Readonly<Record<string, W>>>;
export function commandsFor(
  workflow: AnyWorkflow,
  streamId: (cmd: object) => string,
): (command: StreamCommand<string, t.Props, t.Props, AnyWorkflow>) => AnyCommand {
  return (command) => defineCommand({ ...command, workflow, streamId });
}
