import type { AfterHoursWindow } from '../../domain/billing';
import type { BusinessCalendar } from '../../domain/calendar';
import type { SupportPolicy } from '../../domain/policy';
import type { PolicyRegistry } from '../policy-registry';

/**
 * The calendars of one sweep: a client with approved after-hours windows gets the policy's calendar
 * plus those windows (its clocks run inside them); built once per client and policy per sweep.
 */
export class SweepCalendars {
  private readonly byClient = new Map<string, AfterHoursWindow[]>();
  private readonly built = new Map<SupportPolicy, Map<string, BusinessCalendar>>();

  constructor(
    approvedWindows: AfterHoursWindow[],
    private readonly policies: Pick<PolicyRegistry, 'calendar'>,
  ) {
    for (const window of approvedWindows) {
      const list = this.byClient.get(window.clientId) ?? [];
      list.push(window);
      this.byClient.set(window.clientId, list);
    }
  }

  of(clientId: string, policy: SupportPolicy): BusinessCalendar {
    const windows = this.byClient.get(clientId);
    if (!windows) return this.policies.calendar(policy);
    let byClient = this.built.get(policy);
    if (!byClient) this.built.set(policy, (byClient = new Map()));
    let calendar = byClient.get(clientId);
    if (!calendar) {
      calendar = this.policies.calendar(policy, windows);
      byClient.set(clientId, calendar);
    }
    return calendar;
  }
}
