import type { CampaignEventData, CampaignEventType } from './campaignEvents.js';
import type { SubjectEventData, SubjectEventType } from './subjectEvents.js';

/** A campaign-stream event for `decide`, its data checked against the event's type. Pure. */
export const campaignEvent = <K extends CampaignEventType>(
  type: K,
  data: CampaignEventData[K],
): { readonly type: K; readonly data: CampaignEventData[K] } => ({ type, data });

/** A subject-stream event for `decide`, its data checked against the event's type. Pure. */
export const subjectEvent = <K extends SubjectEventType>(
  type: K,
  data: SubjectEventData[K],
): { readonly type: K; readonly data: SubjectEventData[K] } => ({ type, data });
