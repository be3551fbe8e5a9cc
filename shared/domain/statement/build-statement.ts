import type { TimeEntry } from '../billing/billing-types';
import { extensionRequests } from '../billing/budget';
import { chargeCents } from '../billing/charge';
import { monthlySummary } from '../billing/monthly-summary';
import { slaCompliance } from '../dashboard/compliance';
import { monthSpan } from '../dashboard/months';
import type { SupportPolicy } from '../policy/support-policy';
import type { Client } from '../requesters/directory-types';
import type { SlaStatus } from '../sla/sla-types';
import type { Ticket } from '../ticket/ticket';
import type { TicketEvent } from '../ticket/ticket-event';
import type { StatementData, StatementLine } from './statement-data';

export interface StatementInput {
  client: Pick<Client, 'id' | 'name' | 'locale'>;
  /** The client's current policy: rate, currency, calendar zone. */
  policy: SupportPolicy;
  month: string;
  /** The client's tickets opened before the month's end, with their SLA status (slaStatus) and their log. */
  tickets: ReadonlyArray<{ ticket: Ticket; sla: Pick<SlaStatus, 'response' | 'resolution'>; events: readonly TicketEvent[] }>;
  /** The client's time entries (others are ignored). */
  entries: readonly TimeEntry[];
}

/**
 * A client's statement for `month`: tickets opened, resolved and closed (validated or for no response)
 * in the month from their event logs; compliance of the tickets opened in it (slaCompliance); every
 * billed line (time entries of the month, each priced with chargeCents) and the hours by kind
 * (monthlySummary, the hours report's engine: the statement's total is its total); budget extensions requested and approved in it; Microsoft cases raised in it.
 */
export function buildStatement(input: StatementInput): StatementData {
  const { client, policy, month } = input;
  const span = monthSpan(month, policy.calendar.timezone);
  const inMonth = (iso: string) => {
    const t = Date.parse(iso);
    return t >= span.from && t < span.to;
  };
  const number = new Map(input.tickets.map((x) => [x.ticket.id, x.ticket.number]));
  const mine = input.tickets.filter((x) => x.ticket.clientId === client.id);
  const counts = { opened: 0, resolved: 0, closedValidated: 0, closedNoResponse: 0 };
  const extensions = { requested: 0, approved: 0, approvedMinutes: 0, refused: 0 };
  const microsoftCases: StatementData['microsoftCases'] = [];
  for (const { ticket, events } of mine) {
    if (inMonth(ticket.openedAt)) counts.opened += 1;
    for (const event of events) {
      if (!inMonth(event.at)) continue;
      if (event.type === 'resolved') counts.resolved += 1;
      else if (event.type === 'resolution-validated') counts.closedValidated += 1;
      else if (event.type === 'closed-no-response') counts.closedNoResponse += 1;
      const caseNumber =
        event.type === 'microsoft-case-recorded'
          ? event.data.caseNumber
          : event.type === 'escalated'
            ? event.data.microsoftCaseNumber
            : undefined;
      if (caseNumber !== undefined && !microsoftCases.some((c) => c.caseNumber === caseNumber))
        microsoftCases.push({ ticketNumber: ticket.number, caseNumber });
    }
    for (const request of extensionRequests(events)) {
      if (inMonth(request.requestedAt)) extensions.requested += 1;
      if (request.decidedAt !== undefined && inMonth(request.decidedAt)) {
        if (request.status === 'approved') {
          extensions.approved += 1;
          extensions.approvedMinutes += request.approvedMinutes ?? 0;
        } else if (request.status === 'refused') extensions.refused += 1;
      }
    }
  }
  const [compliance] = slaCompliance(mine, [span]);
  const summary = monthlySummary(input.entries, policy, client.id, month);
  const lines: StatementLine[] = input.entries
    .filter((e) => e.clientId === client.id && inMonth(e.at))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
    .map((e) => {
      // The line's own amount, for the reader: the statement's total is the hours report's (summary.total).
      const line: StatementLine = {
        entryId: e.id,
        at: e.at,
        ticketId: e.ticketId,
        ticketNumber: number.get(e.ticketId) ?? e.ticketId,
        kind: e.kind,
        minutes: e.minutes,
        consultants: e.consultants,
        billedMinutes: e.billedMinutes,
        afterHours: e.afterHours,
        multiplierPercent: e.multiplierPercent,
        chargeCents: chargeCents(e.billedMinutes * e.multiplierPercent, policy),
      };
      if (e.followUpKind !== undefined) line.followUpKind = e.followUpKind;
      return line;
    });
  const data: StatementData = {
    clientId: client.id,
    clientName: client.name,
    locale: client.locale,
    month,
    from: new Date(span.from).toISOString(),
    to: new Date(span.to).toISOString(),
    currency: policy.billing.currency,
    hourlyRateCents: policy.billing.hourlyRateCents,
    tickets: counts,
    compliance: { response: compliance.response, resolution: compliance.resolution, byPriority: compliance.byPriority },
    lines,
    summary,
    extensions,
    microsoftCases,
  };
  if (policy.billing.hourlyRateCents > 0) data.totalCents = summary.total.amountCents;
  return data;
}

/** The month before `month` (`YYYY-MM`): the month a statement drafted in `month` covers. */
export function previousMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, '0')}`;
}
