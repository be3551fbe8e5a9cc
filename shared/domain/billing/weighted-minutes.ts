/** Weighted minutes as reports show them: one decimal, halves up (22.5 -> "22.5", 45 -> "45.0"). */
export function formatWeightedMinutes(minutes: number): string {
  return (Math.round(minutes * 10) / 10).toFixed(1);
}
