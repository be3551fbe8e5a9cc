import { DateTime } from 'luxon';
import { ValidationError } from '../domain/common';
import { requireInstant } from '../domain/common';

/**
 * An effective date as a UTC instant: a calendar date (`2026-03-01`) means the start of that day in
 * `timezone` (the support calendar's zone); a full ISO instant is taken as given.
 */
export function effectiveInstant(field: string, value: unknown, timezone: string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    const day = DateTime.fromISO(value.trim(), { zone: timezone });
    if (!day.isValid) throw new ValidationError(field, `"${value}" is not a calendar date`);
    return day.startOf('day').toUTC().toISO({ suppressMilliseconds: false }) ?? '';
  }
  return requireInstant(field, value);
}
