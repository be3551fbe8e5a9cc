/**
 * The wire contract of GET /api/v1/dashboard (the managers' dashboard tab). Types only; the figures are
 * the domain's aggregations (shared/domain/dashboard) with names resolved for display.
 */
import type { MonthCompliance } from '../domain/dashboard';
import type { HoursAgainstBudgets } from '../domain/dashboard';
import type { OpenTicketProfile } from '../domain/dashboard';
import type { SlaIncident } from '../domain/dashboard';
import type { ConsultantLoad } from '../domain/dashboard';
import type { SupportLevel } from '../domain/ticket';
import type { TicketView } from './api-contract';

/** An open ticket on the dashboard: the ticket view plus the names of its client and assignee. */
export interface DashboardTicketView extends TicketView {
  clientName: string;
  assigneeName?: string | undefined;
}

export interface DashboardIncidentView extends SlaIncident {
  ticketNumber: string;
  subject: string;
  clientName: string;
  /** Staff id and name of whoever held the ticket at `at` (from its event log). */
  holderId?: string;
  holderName?: string | undefined;
}

export interface DashboardView {
  generatedAt: string;
  /** The month of the hours and workload figures (`YYYY-MM`, support calendar zone). */
  month: string;
  /** The months of the compliance figures, oldest first. */
  months: string[];
  /** The client filter, when one was asked for. */
  clientId?: string;
  /** Every client, for the filter. */
  clients: Array<{ id: string; name: string }>;
  /** The week of the incidents, `[from, to)` UTC. */
  week: { from: string; to: string };
  /** Open tickets, most urgent first. */
  tickets: DashboardTicketView[];
  compliance: MonthCompliance[];
  incidents: DashboardIncidentView[];
  open: Omit<OpenTicketProfile, 'microsoftWaiting'> & {
    microsoftWaiting: Array<OpenTicketProfile['microsoftWaiting'][number] & { ticketNumber: string; level: SupportLevel }>;
  };
  workload: Array<ConsultantLoad & { name: string }>;
  hours: Omit<HoursAgainstBudgets, 'clients' | 'tickets'> & {
    clients: Array<HoursAgainstBudgets['clients'][number] & { clientName: string }>;
    tickets: Array<HoursAgainstBudgets['tickets'][number] & { ticketNumber: string; subject: string }>;
  };
  /** Server-rendered SVG charts (the figures are also in the fields above, shown as tables). */
  charts: { compliance: string; age: string; workload: string; hours: string };
}
