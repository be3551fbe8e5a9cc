import { parseCalendar, withOpenWindows, type BusinessCalendar } from '../calendar/index';
import type { AfterHoursWindow } from '../billing/billing-types';
import type { SupportPolicy } from '../policy/support-policy';

/**
 * `calendar` (the policy's, parsed) plus the APPROVED after-hours windows among `windows`: the clocks
 * of a client run inside them (requested and refused ones are ignored).
 */
export function withAfterHoursWindows(calendar: BusinessCalendar, windows: readonly AfterHoursWindow[]): BusinessCalendar {
  const approved = windows
    .filter((w) => w.status === 'approved')
    .map((w) => ({ start: new Date(w.start), end: new Date(w.end) }));
  return approved.length ? withOpenWindows(calendar, approved) : calendar;
}

/**
 * The calendar the clocks of `policy` run on, with the approved after-hours windows among `windows`.
 * It parses the policy's calendar on every call: services keep one per policy (PolicyRegistry.calendar).
 */
export function slaCalendar(policy: SupportPolicy, windows: readonly AfterHoursWindow[] = []): BusinessCalendar {
  return withAfterHoursWindows(parseCalendar(policy.calendar), windows);
}
