export {
  acceptIf,
  all,
  any,
  contramap,
  failuresOf,
  heldOf,
  not,
  rule,
  when,
  type Judgement,
  type Rule,
  type RuleCheck,
  type RuleFailure,
} from './policy.js';
export type {
  AnyEventSpecs,
  AnyWorkflow,
  ContextOf,
  DataCodec,
  DataOf,
  DomainEvent,
  EventOf,
  EventSpec,
  EventSpecInput,
  EvolveMap,
  Evolver,
  ScheduledTimer,
  StreamEvent,
  TimerEventType,
  Upcaster,
  Workflow,
  WorkflowConfig,
  WorkflowState,
} from './Workflow.js';
export { defineWorkflow } from './defineWorkflow.js';
export { initialState, foldEvents } from './foldEvents.js';
export { valueAfter } from './valueAfter.js';
export { headOf, type HeadWorkflow } from './headOf.js';
export {
  defineCommand,
  type AnyCommand,
  type CommandContext,
  type CommandDefinition,
  type MultiStream,
  type SingleStream,
  type StreamRef,
  type StreamRefs,
} from './defineCommand.js';
export {
  accept,
  reject,
  type Decided,
  type Decision,
  type StatesOf,
  type StreamDecision,
  type StreamWorkflows,
} from './Decision.js';
export { commandCodec, type CommandOf } from './commandCodec.js';
export { commandsFor } from './commandsFor.js';
export { refine } from './refine.js';
export {
  isAccepted,
  isConflict,
  isInvalid,
  isRejected,
  type Accepted,
  type CommandOutcome,
  type Conflict,
  type FieldError,
  type Invalid,
  type Rejected,
} from './CommandOutcome.js';
export { outcomeJson, type OutcomeError, type OutcomeJson } from './outcomeJson.js';
export { schedule, type ScheduleOptions } from './schedule.js';
export type { OutcomeReport } from './OutcomeReport.js';
export {
  defineProjection,
  type AnyProjection,
  type Projection,
  type ProjectionConfig,
  type ProjectionRecipe,
  type TypedRecipe,
  type WorkflowProjectionConfig,
} from './defineProjection.js';
export type {
  Engine,
  EngineOptions,
  FiredTimer,
  ReadModel,
  RetryOptions,
  TickResult,
} from './Engine.js';
export { createEngine } from './createEngine.js';
export { type HandleOptions, type Principal } from './Principal.js';
export {
  RecordedHistory,
  recordHistory,
  verifyReplay,
  type ReplayDiverged,
  type ReplayFailed,
  type ReplayMatched,
  type ReplayResult,
} from './verifyReplay.js';
export {
  replayStreams,
  type ReplayedStream,
  type ReplayStreamsOptions,
  type ReplayWorkflows,
} from './replayStreams.js';
export {
  defineReactor,
  reactorProjectionName,
  type ReactionCommand,
  type ReactionContext,
  type Reactor,
  type ReactorConfig,
} from './defineReactor.js';
export { reactionCommandId } from './reactionCommandId.js';
export type { ParkedReaction } from './ParkedReaction.js';
export type { ReactorLease, ReactorLeases, ReactorStore } from './ReactorStore.js';
export type { ReactorRetry } from './reactToEvent.js';
export { runReactor, type ReactorRunner, type RunReactorOptions } from './runReactor.js';
export {
  listParkedReactions,
  requestParkedRetry,
  retryParkedReaction,
  type RetryParkedOptions,
  type RetryParkedResult,
} from './parkedReactions.js';
