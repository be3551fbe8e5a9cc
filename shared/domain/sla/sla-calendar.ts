import { parseCalendar, withOpenWindows, type BusinessCalendar } from '../calendar/index';
import type { AfterHoursWindow } from '../billing/billing-types';
import type { SupportPolicy } from '../policy/support-policy';

const cache = new WeakMap<SupportPolicy, BusinessCalendar>();

/**
 * The calendar the clocks of `policy` run on, parsed once per policy object; with `windows`, the
 * APPROVED after-hours windows among them add open time (requested/refused ones are ignored).
 */
export function slaCalendar(policy: SupportPolicy, windows: readonly AfterHoursWindow[] = []): BusinessCalendar {
  let calendar = cache.get(policy);
  if (!calendar) {
    calendar = parseCalendar(policy.calendar);
    cache.set(policy, calendar);
  }
  const approved = windows.filter((w) => w.status === 'approved').map((w) => ({ start: new Date(w.start), end: new Date(w.end) }));
  return approved.length ? withOpenWindows(calendar, approved) : calendar;
}
