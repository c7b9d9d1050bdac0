import { setup } from 'xstate';
import type { SubjectMachineEvent } from '../domain/subjectEvents.js';

const violation = { DisciplinaryViolationRecorded: {} } as const;
const review = { LeadershipReviewRecorded: {} } as const;

/**
 * The lifecycle of a subject (an organization or a member): `unenrolled` -> `enrolled` -> `committed`
 * -> `evaluated` -> `nominated` -> `under-notice` -> `commended`, or `not-commended` after an upheld
 * objection. Events are the subject stream's domain events; events that do not move the subject
 * (a review, a new secretary, another evaluation) are self-transitions allowed only in the states where
 * a command can produce them. The context is folded by `evolveSubject`. Pure data.
 */
export const subjectMachine = setup({
  types: {
    // XState's documented way to declare the event type (a type carrier, never read at run time).
    events: {} as SubjectMachineEvent,
  },
  guards: {
    isUpheld: ({ event }) => event.type === 'ObjectionResolved' && event.upheld,
  },
}).createMachine({
  id: 'subject',
  initial: 'unenrolled',
  states: {
    unenrolled: { on: { OrganizationEnrolled: 'enrolled', MemberEnrolled: 'enrolled' } },
    enrolled: {
      on: {
        ...violation,
        FirstResponsibleAssigned: {},
        MemberJoined: {},
        CommitmentPublished: 'committed',
      },
    },
    committed: {
      on: {
        ...violation,
        ...review,
        FirstResponsibleAssigned: {},
        MemberJoined: {},
        EvaluationSubmitted: 'evaluated',
      },
    },
    evaluated: {
      on: {
        ...violation,
        ...review,
        FirstResponsibleAssigned: {},
        EvaluationSubmitted: {},
        SubjectNominated: 'nominated',
      },
    },
    nominated: {
      on: {
        ...violation,
        ...review,
        RecommendationRecorded: {},
        PublicNoticeStarted: 'under-notice',
      },
    },
    'under-notice': {
      on: {
        ...violation,
        ...review,
        ObjectionFiled: {},
        ObjectionResolved: [{ guard: 'isUpheld', target: 'not-commended' }, {}],
        SubjectCommended: 'commended',
      },
    },
    commended: { on: { ...violation } },
    'not-commended': { on: { ...violation } },
  },
});
