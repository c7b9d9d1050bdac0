import { campaignsProjection } from './campaignsProjection.js';
import { exemplarsProjection } from './exemplarsProjection.js';
import { subjectsProjection } from './subjectsProjection.js';
import { timelinesProjection } from './timelinesProjection.js';

/** Every read model of the campaign domain (registered by `createCampaignEngine`). */
export const campaignProjections = [
  campaignsProjection,
  subjectsProjection,
  timelinesProjection,
  exemplarsProjection,
] as const;
