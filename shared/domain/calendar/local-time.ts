import type { IANAZone } from 'luxon';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/**
 * The instant at which the wall clock of `zone` shows `minuteOfDay` minutes after midnight of the civil
 * date `dayMs` (a UTC midnight standing for that date; minutes past 1440 run into the next days).
 * Like Temporal's "compatible" disambiguation: a wall time skipped by a DST jump is shifted forward by
 * the jump (02:30 on a spring-forward night is 03:30), a repeated wall time takes its first occurrence.
 */
export function wallTimeToEpoch(zone: IANAZone, dayMs: number, minuteOfDay: number): number {
  const wall = dayMs + minuteOfDay * MS_PER_MINUTE;
  const offsetBefore = zone.offset(wall - MS_PER_DAY) * MS_PER_MINUTE;
  const offsetAfter = zone.offset(wall + MS_PER_DAY) * MS_PER_MINUTE;
  const early = wall - offsetBefore;
  const late = wall - offsetAfter;
  const earlyValid = zone.offset(early) * MS_PER_MINUTE === offsetBefore;
  const lateValid = zone.offset(late) * MS_PER_MINUTE === offsetAfter;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (earlyValid) return early;
  if (lateValid) return late;
  // In a gap: the offset in force before the jump puts the instant just as far past the jump.
  return early;
}
