import { mexicanRestDays } from '../calendar/index';
import type { CalendarSpec } from '../calendar/calendar-spec';
import type { SupportPolicy } from './support-policy';

/** The years whose Mexican statutory rest days the default calendar closes. */
export const DEFAULT_HOLIDAY_YEARS = { from: 2020, to: 2100 } as const;

/** Mon-Fri 08:30-18:00 in America/Mexico_City, closed on the statutory rest days of `fromYear..toYear`. */
export function mexicanSupportCalendar(
  fromYear: number = DEFAULT_HOLIDAY_YEARS.from,
  toYear: number = DEFAULT_HOLIDAY_YEARS.to,
): CalendarSpec {
  const day: Array<[string, string]> = [['08:30', '18:00']];
  const holidays: string[] = [];
  for (let year = fromYear; year <= toYear; year++) holidays.push(...mexicanRestDays(year));
  return {
    timezone: 'America/Mexico_City',
    weekly: { mon: day, tue: day, wed: day, thu: day, fri: day },
    holidays,
  };
}

const HOUR = 60;

/**
 * Every number of POLICY.md as data. A client's contract may override any of it (mergePolicy);
 * values the policy text does not fix are marked "default" below and documented in docs/domain.md.
 */
export const DEFAULT_POLICY: SupportPolicy = {
  name: 'default',
  calendar: mexicanSupportCalendar(),
  response: {
    critical: { targetMinutes: null, breachMinutes: 30 },
    high: { targetMinutes: 1 * HOUR, breachMinutes: 4 * HOUR },
    medium: { targetMinutes: 8 * HOUR, breachMinutes: 16 * HOUR },
    low: { targetMinutes: 16 * HOUR, breachMinutes: 24 * HOUR },
  },
  resolution: {
    'technical-regular': { minMinutes: 6 * HOUR, maxMinutes: 6 * HOUR, defaultMinutes: 6 * HOUR },
    'technical-urgent': { minMinutes: 4 * HOUR, maxMinutes: 4 * HOUR, defaultMinutes: 4 * HOUR },
    // Ranges: until a consultant picks, the budget is the lower bound (default; the client approves more).
    maintenance: { minMinutes: 16 * HOUR, maxMinutes: 36 * HOUR, defaultMinutes: 16 * HOUR },
    'research-debugging': { minMinutes: 8 * HOUR, maxMinutes: 16 * HOUR, defaultMinutes: 8 * HOUR },
  },
  atRiskPercent: 75,
  billing: {
    followUpMinutes: 15,
    // POLICY.md says "an extra rate" without a figure: 150% is this product's default.
    afterHoursMultiplierPercent: 150,
    hourlyRateCents: 0,
    currency: 'MXN',
  },
  // Default: attempts (and the final notice after the last) one business day apart (09:30 of open time = 570 min).
  noResponse: { contactAttempts: 3, noticeBusinessDays: 5, minBusinessMinutesBetweenAttempts: 570 },
  budgetAlertPercents: [80, 100],
  defaults: { priority: 'medium', incidentType: 'technical-regular' },
  reminders: {
    // Defaults: a phone ticket's email is chased every business hour, a Microsoft case every half day.
    phoneEmailMinutes: 60,
    microsoftCaseMinutes: 240,
  },
  mail: { senderAuthentication: 'quarantine' },
};
