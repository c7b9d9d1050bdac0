import { rule } from '@strive/engine';
import { formatDays, DAY_MS, toMillis } from '../domain/time.js';

/** Input of `review.regular`: when the organization committed, its reviews, and the nomination time. */
export interface RegularInput {
  readonly committedAt: string | null;
  readonly reviews: readonly string[];
  readonly nominatedAt: string;
  readonly reviewIntervalDays: number;
}

interface Gap {
  readonly from: string;
  readonly to: string;
  readonly ms: number;
}

const longestGap = ({ committedAt, reviews, nominatedAt }: RegularInput): Gap | null => {
  if (committedAt === null) return null;
  const points = [committedAt, ...reviews, nominatedAt].sort((a, b) => toMillis(a) - toMillis(b));
  let best: Gap | null = null;
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1] ?? committedAt;
    const to = points[i] ?? nominatedAt;
    const ms = toMillis(to) - toMillis(from);
    if (best === null || ms > best.ms) best = { from, to, ms };
  }
  return best;
};

/**
 * review.regular: at an organization's nomination, no gap longer than `reviewIntervalDays` x 24 h
 * between its commitment, its leadership reviews and the nomination time (a gap of exactly that long
 * is allowed). Pure.
 */
export const reviewRegular = rule<RegularInput>(
  'review.regular',
  (input) => {
    const gap = longestGap(input);
    const n = input.reviews.length;
    if (gap === null) return 'the organization has published no commitment to review';
    return `${n} leadership review${n === 1 ? '' : 's'}; longest gap ${formatDays(gap.ms)} (${gap.from} to ${gap.to}), at most ${input.reviewIntervalDays} days allowed`;
  },
  (input) => {
    const gap = longestGap(input);
    return gap !== null && gap.ms <= input.reviewIntervalDays * DAY_MS;
  },
);
