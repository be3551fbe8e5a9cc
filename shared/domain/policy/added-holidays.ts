import { parseCivilDate } from '../calendar/civil-date';
import { ValidationError } from '../common/errors';
import type { SupportPolicy } from './support-policy';

/** Why the office is closed that day, besides the statutory rest days: a company day off or an election day. */
export const ADDED_HOLIDAY_KINDS = ['company', 'election'] as const;
export type AddedHolidayKind = (typeof ADDED_HOLIDAY_KINDS)[number];

/** A day off an administrator added (POLICY: "plus dates an administrator adds"). */
export interface AddedHoliday {
  /** The civil date in the support calendar's zone, YYYY-MM-DD. */
  date: string;
  name: string;
  kind: AddedHolidayKind;
  addedBy: string;
  addedAt: string;
}

/** The date, name and kind an administrator typed, checked: a real date, a name, a known kind. */
export function checkAddedHoliday(input: {
  date: string;
  name: string;
  kind: string;
}): Pick<AddedHoliday, 'date' | 'name' | 'kind'> {
  const date = input.date.trim();
  if (parseCivilDate(date) === null) throw new ValidationError('date', `"${input.date}" is not a date (YYYY-MM-DD)`);
  const name = input.name.trim();
  if (!name) throw new ValidationError('name', 'is required');
  if (name.length > 200) throw new ValidationError('name', 'must be at most 200 characters');
  if (!(ADDED_HOLIDAY_KINDS as readonly string[]).includes(input.kind))
    throw new ValidationError('kind', `"${input.kind}" is not one of ${ADDED_HOLIDAY_KINDS.join(', ')}`);
  return { date, name, kind: input.kind as AddedHolidayKind };
}

/**
 * `policy` with the added days off closed in its calendar as well (sorted, no date twice). With none it is
 * `policy` itself, so a policy's version changes only when an administrator's dates change it: tickets
 * opened before keep the version (and calendar) they were opened under.
 */
export function withAddedHolidays(policy: SupportPolicy, added: readonly Pick<AddedHoliday, 'date'>[]): SupportPolicy {
  const extra = added.map((h) => h.date).filter((date) => !policy.calendar.holidays.includes(date));
  if (extra.length === 0) return policy;
  const holidays = [...new Set([...policy.calendar.holidays, ...extra])].sort();
  return { ...policy, calendar: { ...policy.calendar, holidays } };
}
