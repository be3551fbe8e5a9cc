import type { BusinessCalendar } from '../calendar/index';
import type { SupportPolicy } from '../policy/support-policy';
import type { SlaStatus } from '../sla/sla-types';
import type { Ticket } from '../ticket/ticket';

/**
 * A ticket as the dashboard reads it: the record (the projection of its event log), its SLA status
 * from slaStatus at the dashboard's instant, and the policy and calendar that status was read on.
 */
export interface DashboardTicket {
  ticket: Ticket;
  sla: SlaStatus;
  policy: SupportPolicy;
  calendar: BusinessCalendar;
}
