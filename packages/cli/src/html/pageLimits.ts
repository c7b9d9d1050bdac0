/**
 * How much of a campaign the page draws, so its size grows with what a person reads, not with the log:
 * longer lists keep their first rows in the markup and the rest as compact rows that the page's script
 * pages through and searches (`pagedTable`); charts draw a bounded number of subjects.
 */
export const PAGE_LIMITS = {
  /** Subjects compared in a satisfaction chart (the highest shares). */
  chartSubjects: 30,
  /** Rows of a long table in the markup (readable without JavaScript), and per page. */
  tableRows: 100,
  /** Honour-roll entries shown with their verdicts and objections; the rest are listed. */
  honourDetailed: 50,
  /** Subject timelines (`<details>`) per campaign; `strive timeline STREAM` shows any other. */
  timelineSubjects: 50,
} as const;
