/** The generated campaigns of one bench run: organizations of each (about 270 events each). */
export interface CampaignSizes {
  /** F's replay and C's `strive run` / `strive report`: 3,750 organizations, ~1.01M events. */
  readonly large: number;
  /** F's memory comparison: a tenth of `large` (~100k events at full size). */
  readonly small: number;
  /** C's repeated `strive run` (~10k commands). */
  readonly run: number;
  /** C's `strive report` start-up reference (~1k events). */
  readonly tiny: number;
}

/** The sizes for `large` organizations (3,750 gives the 1M+ events). Pure. */
export const campaignSizes = (large: number): CampaignSizes => ({
  large,
  small: Math.max(1, Math.round(large / 10)),
  run: Math.min(40, large),
  tiny: Math.min(4, large),
});
