import { oneOf } from '../codec/primitives.js';

/** The campaign phases, in order. */
export const PHASES = [
  'mobilizing',
  'committing',
  'evaluating',
  'commending',
  'concluded',
] as const;

/** A campaign phase. */
export type Phase = (typeof PHASES)[number];

/** The campaign machine's state before `LaunchCampaign`. */
export const UNLAUNCHED = 'unlaunched';

/** A campaign stream's lifecycle state: a phase, or not launched yet. */
export type CampaignStatus = Phase | typeof UNLAUNCHED;

/** io-ts codec of a phase name. */
export const PhaseCodec = oneOf('Phase', PHASES);

/** The phase after `phase`, or `null` after `concluded`. Pure. */
export const nextPhase = (phase: Phase): Phase | null => PHASES[PHASES.indexOf(phase) + 1] ?? null;

/** Whether a machine state value is a phase (the campaign is launched). Pure. */
export const isPhase = (value: string): value is Phase => PHASES.some((p) => p === value);
