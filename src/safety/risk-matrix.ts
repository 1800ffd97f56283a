// The DCB0129 clinical risk matrix: severity (1–5) × likelihood (1–5) gives a risk rating from 1 (acceptable) to 5 (unacceptable).

export const SEVERITIES = ['Minor', 'Significant', 'Considerable', 'Major', 'Catastrophic'] as const;
export const LIKELIHOODS = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;

/** A score on the matrix's 1–5 scales. */
export type Score = 1 | 2 | 3 | 4 | 5;
export type RiskRating = Score;

/**
 * The standard 5×5 table of the NHS clinical risk management standards (DCB0129/DCB0160): one row per
 * likelihood (very low first), one column per severity (minor first).
 */
export const MATRIX: readonly (readonly RiskRating[])[] = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 4],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 5],
  [3, 4, 4, 5, 5],
];

/** What each rating means for release. */
export const RATING_MEANING: Readonly<Record<RiskRating, string>> = {
  1: 'Acceptable: no further action needed.',
  2: 'Acceptable where further reduction would cost more than it gains.',
  3: 'Undesirable: acceptable only when further reduction is impractical.',
  4: 'Unacceptable: must be reduced before release.',
  5: 'Unacceptable.',
};

/** A hazard may be released only at this rating or below after its controls. */
export const MAX_RESIDUAL_RATING: RiskRating = 2;

/** The rating of a severity and a likelihood, read from the matrix. */
export function riskRating(severity: Score, likelihood: Score): RiskRating {
  const rating = MATRIX[likelihood - 1]?.[severity - 1];
  if (rating === undefined) throw new RangeError(`no rating for severity ${String(severity)} and likelihood ${String(likelihood)}`);
  return rating;
}
