import type { Objection, Report, SubjectDoc, TimelineEntry } from '@strive/campaign';
import type { LogHead, VerifyResult } from '@strive/eventlog';
import type { DerivedResult } from '../DerivedResult.js';

/** Everything the HTML report shows, folded from the log by `reportHtml` (the page itself is pure). */
export interface ReportPageData {
  readonly report: Report;
  /** The subject read model, for each subject's satisfaction by criterion. */
  readonly subjectDocs: readonly SubjectDoc[];
  /** Timelines by stream id: the campaigns' and those of the subjects the page shows (`PAGE_LIMITS`). */
  readonly timelines: ReadonlyMap<string, readonly TimelineEntry[]>;
  /** The objections of the commended subjects the page details, by subject stream id. */
  readonly objections: ReadonlyMap<string, readonly Objection[]>;
  /**
   * The chain re-walked, and the stored snapshots and read models compared with the log (`undefined`
   * when the chain is broken: nothing derived is compared then). Everything on the page is folded
   * from the log itself, never read from the stored read models.
   */
  readonly integrity: {
    readonly verify: VerifyResult;
    readonly derived: DerivedResult | undefined;
    readonly head: LogHead;
  };
  /** The Mermaid state diagrams of the machines (the text `strive diagram` prints). */
  readonly diagrams: { readonly campaign: string; readonly subject: string };
  /** Where the log was read, as a person reads it (passwords hidden). */
  readonly source: string;
  /** The business time of the log's last event ("today" on the phase charts), or null for an empty log. */
  readonly today: string | null;
  /** When the page was made (wall clock of the shell). */
  readonly generatedAt: string;
}

/** The browser libraries inlined into the page (minified UMD/IIFE builds read from node_modules). */
export interface PageAssets {
  readonly chartJs: string;
  readonly chartAnnotation: string;
  readonly mermaid: string;
}
