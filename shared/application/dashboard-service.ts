import { DateTime } from 'luxon';
import { slaCompliance, type MonthCompliance } from '../domain/dashboard';
import type { DashboardTicket } from '../domain/dashboard';
import { hoursAgainstBudgets, type HoursAgainstBudgets } from '../domain/dashboard';
import { monthOf, monthsEndingAt, monthSpan } from '../domain/dashboard';
import { openTicketProfile, type OpenTicketProfile } from '../domain/dashboard';
import { holderAt, slaIncidents, type SlaIncident } from '../domain/dashboard';
import { consultantWorkload, type ConsultantLoad } from '../domain/dashboard';
import { NotAuthorizedError, ValidationError } from '../domain/common';
import { DEFAULT_POLICY } from '../domain/policy';
import type { SupportPolicy } from '../domain/policy';
import type { Client, Staff } from '../domain/requesters';
import { slaStatus } from '../domain/sla';
import type { Ticket } from '../domain/ticket';
import { OPEN_STATUSES, type Actor } from '../domain/ticket';
import type { PolicyRegistry } from './policy-registry';
import type { Clock, Store } from './ports';
import { SweepCalendars } from './sla-monitor/sweep-calendars';
import { urgency, type TicketWithSla } from './ticket-query-service';

export interface DashboardQuery {
  clientId?: string | undefined;
  /** `YYYY-MM`: the month of the hours and workload figures and the last compliance month (default: now's month). */
  month?: string | undefined;
  /** How many months of compliance (1-12, default 12). */
  months?: number | undefined;
}

export interface Dashboard {
  generatedAt: string;
  month: string;
  clientId?: string;
  week: { from: string; to: string };
  /** Open tickets, most urgent first. */
  queue: TicketWithSla[];
  compliance: MonthCompliance[];
  incidents: Array<SlaIncident & { holderId?: string }>;
  open: OpenTicketProfile;
  workload: ConsultantLoad[];
  hours: HoursAgainstBudgets;
  clients: Client[];
  staff: Staff[];
  /** Every ticket the figures mention, by id. */
  tickets: Map<string, Ticket>;
}

const STAFF_ROLES = new Set(['L1', 'L2', 'L3', 'manager']);
const OPEN = new Set<string>(OPEN_STATUSES);

/**
 * The managers' view: reads every ticket once, reads each one's clocks with slaStatus under the policy
 * it was opened with (and the client's approved after-hours windows), and hands them to the domain's
 * aggregations (compliance, incidents, open profile, workload, hours against budgets). No rule lives here.
 */
export class DashboardService {
  constructor(private readonly deps: { store: Store; clock: Clock; policies: PolicyRegistry }) {}

  async dashboard(actor: Actor, query: DashboardQuery = {}): Promise<Dashboard> {
    if (!STAFF_ROLES.has(actor.role))
      throw new NotAuthorizedError(actor.role, 'see the dashboard', `role ${actor.role} may not see the dashboard`);
    const now = this.deps.clock.now();
    const zone = DEFAULT_POLICY.calendar.timezone;
    const month = query.month ?? monthOf(now, zone);
    const count = query.months ?? 12;
    if (!Number.isInteger(count) || count < 1 || count > 12)
      throw new ValidationError('months', `must be a whole number from 1 to 12 (got ${count})`);
    const span = monthSpan(month, zone);
    const [clients, staff, windows] = await Promise.all([
      this.deps.store.directory.listClients(),
      this.deps.store.directory.listStaff(),
      this.deps.store.afterHours.listWindows({ status: 'approved' }),
    ]);
    if (query.clientId !== undefined && !clients.some((c) => c.id === query.clientId))
      throw new ValidationError('clientId', `no client "${query.clientId}"`);

    const calendars = new SweepCalendars(windows, this.deps.policies);
    const rows: DashboardTicket[] = [];
    const tickets = new Map<string, Ticket>();
    const byTicket = new Map<string, { ticket: Ticket; policy: SupportPolicy }>();
    for (const ticket of await this.allTickets(query.clientId)) {
      // Nearly every ticket shares a few policy versions: read them from memory without an await each.
      const policy = this.deps.policies.cached(ticket.policyVersion) ?? (await this.deps.policies.forTicket(ticket));
      const calendar = calendars.of(ticket.clientId, policy);
      rows.push({ ticket, sla: slaStatus(ticket, policy, calendar, now), policy, calendar });
      tickets.set(ticket.id, ticket);
      byTicket.set(ticket.id, { ticket, policy });
    }
    const openRows = rows.filter((r) => OPEN.has(r.ticket.status));

    const weekStart = DateTime.fromJSDate(now, { zone }).startOf('week');
    const week = { from: weekStart.toJSDate(), to: weekStart.plus({ weeks: 1 }).toJSDate() };
    const incidents: Dashboard['incidents'] = [];
    for (const incident of slaIncidents(rows, week.from, week.to)) {
      const holderId = holderAt(await this.deps.store.tickets.events(incident.ticketId), incident.at);
      incidents.push(holderId === undefined ? incident : { ...incident, holderId });
    }

    // Per client: each read uses the store's (client, at) index instead of scanning every entry.
    const range = { from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() };
    const entries = (
      await Promise.all(
        clients
          .filter((c) => query.clientId === undefined || c.id === query.clientId)
          .map((c) => this.deps.store.tickets.timeEntries({ clientId: c.id, ...range })),
      )
    ).flat();
    const clientPolicies = new Map<string, SupportPolicy>();
    for (const client of clients) clientPolicies.set(client.id, (await this.deps.policies.forClient(client)).policy);

    const dashboard: Dashboard = {
      generatedAt: now.toISOString(),
      month,
      week: { from: week.from.toISOString(), to: week.to.toISOString() },
      queue: openRows.map(({ ticket, sla }) => ({ ticket, sla })).sort(urgency),
      compliance: slaCompliance(rows, monthsEndingAt(month, count, zone)),
      incidents,
      open: openTicketProfile(
        openRows.map((r) => r.ticket),
        now,
      ),
      workload: consultantWorkload(openRows, entries),
      hours: hoursAgainstBudgets({ month, entries, tickets: byTicket, clientPolicies }),
      clients,
      staff,
      tickets,
    };
    if (query.clientId !== undefined) dashboard.clientId = query.clientId;
    return dashboard;
  }

  private async allTickets(clientId: string | undefined): Promise<Ticket[]> {
    const all: Ticket[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.deps.store.tickets.list({ clientId, limit: 1000, cursor });
      all.push(...page.tickets);
      cursor = page.next;
    } while (cursor);
    return all;
  }
}
