export {
  all,
  any,
  contramap,
  failuresOf,
  not,
  rule,
  when,
  type Rule,
  type RuleFailure,
  type Verdict,
} from './policy.js';
export type {
  AnyEventSpecs,
  AnyWorkflow,
  ContextOf,
  DataCodec,
  DataOf,
  DomainEvent,
  EventSpec,
  EvolveMap,
  Evolver,
  TimerEventType,
  Upcaster,
  Workflow,
  WorkflowConfig,
  WorkflowState,
} from './Workflow.js';
export { defineWorkflow, machineHashOf } from './defineWorkflow.js';
export {
  compileTransitionTable,
  type Candidate,
  type CompiledGuard,
  type TransitionTable,
} from './compileTransitionTable.js';
export { stepTable, settle } from './stepTable.js';
export { initialState, foldEvents, foldEventsAsync } from './foldEvents.js';
export { upcastEvent } from './upcastEvent.js';
export {
  defineCommand,
  type AnyCommand,
  type CommandConfig,
  type CommandContext,
  type CommandDefinition,
  type Decision,
  type StatesOf,
  type StreamRef,
  type StreamWorkflows,
} from './defineCommand.js';
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
export { schedule, type ScheduleOptions } from './schedule.js';
export { TIMER_EVENT_TYPES, TimerFiredData, TimerScheduledData } from './timerEvents.js';
export {
  defineProjection,
  type AnyProjection,
  type Projection,
  type ProjectionConfig,
  type ProjectionRecipe,
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
export { PrincipalCodec, type HandleOptions, type Principal } from './Principal.js';
export { authorizeActor, withPrincipalActor } from './authorizeActor.js';
export { checkClockSkew, DEFAULT_MAX_CLOCK_SKEW_MS } from './checkClockSkew.js';
export { commandDigest, eventIdOf, timerCommandId, timerFiredEventId } from './commandIds.js';
export { loadState, snapshotOf, stateFromSnapshot } from './loadState.js';
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
