export interface Thresholds {
  targetMinutes: number | null;
  atRiskMinutes: number;
  breachMinutes: number;
}

/** At risk past the target, or past atRiskPercent of the breach, whichever comes first. */
export function thresholdsOf(targetMinutes: number | null, breachMinutes: number, atRiskPercent: number): Thresholds {
  const byPercent = (breachMinutes * atRiskPercent) / 100;
  return { targetMinutes, breachMinutes, atRiskMinutes: targetMinutes === null ? byPercent : Math.min(targetMinutes, byPercent) };
}
