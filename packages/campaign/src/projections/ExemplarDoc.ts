import type { SubjectKind } from '../domain/Subject.js';

/** A commended subject across the campaigns of a store (one document per kind and id). */
export type ExemplarDoc = {
  kind: SubjectKind;
  id: string;
  name: string;
  commendations: { campaignId: string; commendedAt: string }[];
};
