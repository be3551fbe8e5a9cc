import type { AfterHoursWindow } from '../../domain/billing/billing-types';
import type { BusinessCalendar } from '../../domain/calendar/business-calendar';
import type { SupportPolicy } from '../../domain/policy/support-policy';
import { policyVersion } from '../../domain/policy/policy-version';
import { slaCalendar } from '../../domain/sla/sla-calendar';

/**
 * The calendars of one sweep: a client with approved after-hours windows gets the policy's calendar
 * plus those windows (its clocks run inside them); built once per client and policy per sweep.
 */
export class SweepCalendars {
  private readonly byClient = new Map<string, AfterHoursWindow[]>();
  private readonly built = new Map<string, BusinessCalendar>();

  constructor(approvedWindows: AfterHoursWindow[]) {
    for (const window of approvedWindows) {
      const list = this.byClient.get(window.clientId) ?? [];
      list.push(window);
      this.byClient.set(window.clientId, list);
    }
  }

  of(clientId: string, policy: SupportPolicy): BusinessCalendar {
    const windows = this.byClient.get(clientId);
    if (!windows) return slaCalendar(policy);
    const key = `${clientId}\u0000${policyVersion(policy)}`;
    let calendar = this.built.get(key);
    if (!calendar) {
      calendar = slaCalendar(policy, windows);
      this.built.set(key, calendar);
    }
    return calendar;
  }
}
