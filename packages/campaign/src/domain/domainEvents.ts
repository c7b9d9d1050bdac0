import type { DomainEvent } from '@strive/engine';
import type { CampaignEventData, CampaignEventType } from './campaignEvents.js';
import type { SubjectEventData, SubjectEventType } from './subjectEvents.js';

/** A campaign-stream event for `decide`, its data checked against the event's type. Pure. */
export const campaignEvent = <K extends CampaignEventType>(
  type: K,
  data: CampaignEventData[K],
): DomainEvent => ({ type, data });

/** A subject-stream event for `decide`, its data checked against the event's type. Pure. */
export const subjectEvent = <K extends SubjectEventType>(
  type: K,
  data: SubjectEventData[K],
): DomainEvent => ({ type, data });
