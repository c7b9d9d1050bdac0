import { rule } from '@strive/engine';
import type { Objection } from '../domain/SubjectContext.js';

/** Input of `notice.objection` at Commend: the subject's objections. */
export interface ObjectionsInput {
  readonly objections: readonly Objection[];
}

const unresolved = (os: readonly Objection[]) => os.filter((o) => o.resolution === null);
const upheld = (os: readonly Objection[]) => os.filter((o) => o.resolution?.upheld === true);

/** notice.objection: at Commend, every objection is resolved and none was upheld. Pure. */
export const objectionsCleared = rule<ObjectionsInput>(
  'notice.objection',
  ({ objections }) => {
    const open = unresolved(objections);
    const up = upheld(objections);
    if (objections.length === 0) return 'no objection was filed during the notice';
    if (open.length === 0 && up.length === 0)
      return `${objections.length} objection${objections.length === 1 ? '' : 's'} filed, all resolved, none upheld`;
    return [
      ...(open.length > 0
        ? [`unresolved objection(s): ${open.map((o) => o.objectionId).join(', ')}`]
        : []),
      ...(up.length > 0 ? [`upheld objection(s): ${up.map((o) => o.objectionId).join(', ')}`] : []),
    ].join('; ');
  },
  ({ objections }) => unresolved(objections).length === 0 && upheld(objections).length === 0,
);

/** Input of `notice.objection` when filing or resolving one objection. */
export interface ObjectionIdInput {
  readonly objectionId: string;
  readonly objections: readonly Objection[];
}

/** notice.objection: a new objection has an id not used before for this subject. Pure. */
export const objectionIsNew = rule<ObjectionIdInput>(
  'notice.objection',
  ({ objectionId }) => `objection ${objectionId} was already filed`,
  ({ objectionId, objections }) => !objections.some((o) => o.objectionId === objectionId),
);

/** notice.objection: a resolution answers a filed objection that is still open. Pure. */
export const objectionIsOpen = rule<ObjectionIdInput>(
  'notice.objection',
  ({ objectionId, objections }) =>
    objections.some((o) => o.objectionId === objectionId)
      ? `objection ${objectionId} was already resolved`
      : `no objection ${objectionId} was filed against this subject`,
  ({ objectionId, objections }) =>
    objections.some((o) => o.objectionId === objectionId && o.resolution === null),
);
