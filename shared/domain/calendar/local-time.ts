const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * The instant at which a zone's wall clock shows `minuteOfDay` minutes after midnight of the civil date
 * `dayMs` (a UTC midnight standing for that date; minutes past 1440 run into the next days), given the
 * zone's `offsetAt(instant)` in ms. Like Temporal's "compatible" disambiguation: a wall time skipped
 * by a DST jump is shifted forward by the jump (02:30 on a spring-forward night is 03:30), a repeated
 * wall time takes its first occurrence.
 */
export function wallTimeToEpoch(offsetAt: (t: number) => number, dayMs: number, minuteOfDay: number): number {
  const wall = dayMs + minuteOfDay * MS_PER_MINUTE;
  const offsetBefore = offsetAt(wall - MS_PER_DAY);
  const offsetAfter = offsetAt(wall + MS_PER_DAY);
  const early = wall - offsetBefore;
  if (offsetBefore === offsetAfter) return early;
  const late = wall - offsetAfter;
  const earlyValid = offsetAt(early) === offsetBefore;
  const lateValid = offsetAt(late) === offsetAfter;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  // Valid early only, or in a gap: the offset in force before the jump puts the instant as far past it.
  return early;
}
