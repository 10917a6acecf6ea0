/**
 * The `p`-th percentile (0–100) of `sorted` (ascending) by linear interpolation between closest
 * ranks (the default of R, NumPy and spreadsheets); `undefined` for an empty list.
 */
export function percentileOfSorted(sorted: readonly number[], p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const a = sorted[low] as number;
  const b = sorted[high] as number;
  return a + (b - a) * (rank - low);
}
