import type { ChartSpec } from './chartSpecs.js';
import type { Html } from './html.js';

/** A part of the page: its markup (tables drawn on the server) and the charts its script draws. */
export interface Section {
  readonly html: Html;
  readonly charts: readonly ChartSpec[];
}

/** An ISO-8601 time as the page shows it (`2011-01-15 09:00:00+08:00`), or a dash. Pure. */
export const showTime = (iso: string | null): string =>
  iso === null ? '–' : iso.replace('T', ' ');

/** A share in [0, 1] as a percent with one decimal, or a dash without ratings. Pure. */
export const showShare = (share: number | null): string =>
  share === null ? '–' : `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
