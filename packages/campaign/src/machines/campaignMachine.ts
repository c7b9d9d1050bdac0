import { setup } from 'xstate';
import type { CampaignMachineEvent } from '../domain/campaignEvents.js';

const advancesTo =
  (phase: string) =>
  ({ event }: { event: CampaignMachineEvent }): boolean =>
    event.type === 'PhaseAdvanced' && event.to === phase;

/**
 * The campaign lifecycle: `unlaunched` -> `mobilizing` -> `committing` -> `evaluating` -> `commending`
 * -> `concluded`. Its events are the campaign stream's domain events; the machine keeps only the phase
 * (the context is folded by `evolveCampaign`). `CampaignConcluded` leaves any phase once the deadline
 * has passed (the decider checks when); enrolments and commendations do not move the phase. Pure data.
 */
export const campaignMachine = setup({
  types: {
    // XState's documented way to declare the event type (a type carrier, never read at run time).
    events: {} as CampaignMachineEvent,
  },
  guards: {
    advancesToCommitting: advancesTo('committing'),
    advancesToEvaluating: advancesTo('evaluating'),
    advancesToCommending: advancesTo('commending'),
  },
}).createMachine({
  id: 'campaign',
  initial: 'unlaunched',
  states: {
    unlaunched: { on: { CampaignLaunched: 'mobilizing' } },
    mobilizing: {
      on: {
        ImplementationOpinionsPublished: {},
        LeadingGroupEstablished: {},
        OrganizationRegistered: {},
        OrganizationSecretaryChanged: {},
        PhaseAdvanced: { guard: 'advancesToCommitting', target: 'committing' },
        CampaignConcluded: 'concluded',
      },
    },
    committing: {
      on: {
        OrganizationRegistered: {},
        OrganizationSecretaryChanged: {},
        PhaseAdvanced: { guard: 'advancesToEvaluating', target: 'evaluating' },
        CampaignConcluded: 'concluded',
      },
    },
    evaluating: {
      on: {
        OrganizationSecretaryChanged: {},
        PhaseAdvanced: { guard: 'advancesToCommending', target: 'commending' },
        CampaignConcluded: 'concluded',
      },
    },
    commending: {
      on: {
        CommendationRecorded: {},
        CampaignConcluded: 'concluded',
      },
    },
    concluded: { type: 'final' },
  },
});
