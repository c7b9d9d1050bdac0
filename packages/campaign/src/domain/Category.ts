import { oneOf } from '../codec/primitives.js';

/** The categories of organization, each with its own guidance. */
export const CATEGORIES = [
  'urban',
  'rural',
  'enterprise',
  'institution',
  'school',
  'community',
] as const;

/** An organization's category. */
export type Category = (typeof CATEGORIES)[number];

/** io-ts codec of a category. */
export const CategoryCodec = oneOf('Category', CATEGORIES);
