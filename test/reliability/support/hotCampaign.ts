import { campaignCommands, ORGS } from '../../fixtures/campaignSetup.js';
import type { Command } from './campaignScript.js';

const hot = campaignCommands('hot', 'setup-');

/**
 * Campaign `hot` in its evaluating phase, for `children/hotStreamWriter.js`: four committed
 * organizations o1-o4, o2-o4 evaluated once (by `p-setup`), a quota of 25% (one commendation) and one
 * evaluator enough for a nomination. Pure but for the ids' counter.
 */
export const hotCampaignSetup = (): Command[] =>
  hot.evaluating({ committed: ORGS, evaluated: ORGS.slice(1), evaluator: 'p-setup' });

/** After the evaluation race: commending, o1-o4 nominated, their public notices over by day 10. */
export const hotCommendSetup = (): Command[] => hot.commending(ORGS);
