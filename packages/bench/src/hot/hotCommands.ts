import { generateCommands } from '@strive/campaign';

/** A campaign command as JSON. */
export type Json = Readonly<Record<string, unknown>>;

/** The synthetic campaign of W6: one organization, so one subject stream takes every evaluation. */
const W6_CAMPAIGN = { orgs: 1, membersPerOrg: 1, evaluators: 2, seed: 7 } as const;

/**
 * W6's campaign up to its evaluating phase (`setup`, to run once before the race), the first
 * evaluation, the template of every hot command (`template`), and the first evaluation of its other
 * subject, the member (`warm`: writers warm up on it without growing the hot stream). Pure.
 */
export const hotCampaign = (): { setup: readonly Json[]; template: Json; warm: Json } => {
  const all = [...generateCommands(W6_CAMPAIGN)];
  const at = all.findIndex((c) => c['type'] === 'SubmitEvaluation');
  const template = all[at];
  const subjectKind = (c: Json): unknown =>
    typeof c['subject'] === 'object' && c['subject'] !== null
      ? Reflect.get(c['subject'], 'kind')
      : undefined;
  const warm = all.find((c) => c['type'] === 'SubmitEvaluation' && subjectKind(c) === 'member');
  if (template === undefined || warm === undefined)
    throw new Error('hotCampaign: the campaign has no evaluation of an organization and a member');
  return { setup: all.slice(0, at), template, warm };
};

/**
 * Hot command `j` of writer `w`: the template evaluation of the one subject, by a new evaluator
 * `hot-w<w>-<j>` (so `evaluation.one-vote` accepts every one). Pure.
 * @example hotCommand(template, 2, 7).id // 'hot-w2-7'
 */
export const hotCommand = (template: Json, w: number, j: number): Json => {
  const who = `hot-w${w}-${j}`;
  return {
    ...template,
    id: who,
    evaluatorId: who,
    actor: { id: who, role: 'public' },
  };
};
