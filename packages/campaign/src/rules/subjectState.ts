import { rule } from '@strive/engine';

/** Input of `subject.state`: a subject (as people read it), its state, and the states the command needs. */
export interface SubjectStateInput {
  readonly command: string;
  readonly subject: string;
  readonly state: string;
  readonly allowed: readonly string[];
}

/** subject.state: the subject is in a state where the command makes sense. Pure. */
export const subjectState = rule<SubjectStateInput>(
  'subject.state',
  ({ command, subject, state, allowed }) => {
    if (state === 'unenrolled') return `${subject} is not enrolled in the campaign`;
    if (allowed.length === 1 && allowed[0] === 'unenrolled')
      return `${subject} is already enrolled (it is ${state})`;
    return `${command} needs ${subject} to be ${allowed.join(' or ')}; it is ${state}`;
  },
  ({ state, allowed }) => allowed.some((s) => s === state),
);
