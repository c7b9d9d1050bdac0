import type * as t from 'io-ts';
import { closed } from '../codec/closed.js';
import { Text } from '../codec/primitives.js';

/** io-ts codec of a rule's verdict kept in an event: the rule id and its explanation. */
export const VerdictCodec = closed('Verdict', { ruleId: Text, message: Text }, {});

/** A rule that held, with the explanation (naming the numbers) that let the subject through. */
export type Verdict = t.TypeOf<typeof VerdictCodec>;
