import { rule, type Rule } from '@strive/engine';

/** A rule's verdict on one input, whether it holds or not, with the sentence that explains it. */
export interface Judgement {
  readonly ruleId: string;
  readonly holds: boolean;
  readonly message: string;
}

/** A policy rule whose explanation also reads as the reason it held (for the honour roll's verdicts). */
export interface DomainRule<I> extends Rule<I> {
  readonly judge: (input: I) => Judgement;
}

/**
 * A `rule(...)` of the engine's policy algebra that can also say why it held. `explain` names the
 * numbers involved and reads well either way ("12 distinct evaluators, at least 10 required"). Pure.
 * @example
 * const quorum = domainRule<{ n: number }>('evaluation.quorum', ({ n }) => `${n} evaluators, at least 10 required`, ({ n }) => n >= 10);
 * quorum.judge({ n: 7 }); // { ruleId: 'evaluation.quorum', holds: false, message: '7 evaluators, at least 10 required' }
 */
export const domainRule = <I>(
  id: string,
  explain: (input: I) => string,
  predicate: (input: I) => boolean,
): DomainRule<I> => ({
  ...rule(id, explain, predicate),
  judge: (input) => ({ ruleId: id, holds: predicate(input), message: explain(input) }),
});
