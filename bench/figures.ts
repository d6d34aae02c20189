/** The figures every benchmark reports: a percentile, and a run's median and p95. */

/** The value at fraction `p` (0.5 the median) of the sorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN
}

/** Median and p95, to two decimals, as the JSON output prints them. */
export function summary(values: readonly number[]): { median: number; p95: number } {
  return {
    median: Number(percentile(values, 0.5).toFixed(2)),
    p95: Number(percentile(values, 0.95).toFixed(2)),
  }
}
