import type { TimeEntry } from '../billing/billing-types';
import { budgetStatus, type BudgetStatus } from '../billing/budget';
import { billedMinutes, monthlySummary } from '../billing/monthly-summary';
import type { SupportPolicy } from '../policy/support-policy';
import type { Ticket } from '../ticket/ticket';

export interface TicketHours {
  ticketId: string;
  clientId: string;
  /** Billed minutes logged on the ticket this month. */
  monthMinutes: number;
  /** The ticket's whole budget (approved estimate plus extensions) against all it consumed. */
  budget: BudgetStatus;
}

export interface ClientHours {
  clientId: string;
  /** Billed minutes (minutes x consultants) of the month, before any after-hours multiplier. */
  billedMinutes: number;
  /** The month's amount as the hours report gives it (monthlySummary's total), in the client's currency. */
  amountCents: number;
  currency: string;
  /** The client's rate (0: no rate in the contract, the amount means nothing). */
  hourlyRateCents: number;
  /** Sum of the budgets of the tickets worked this month. */
  budgetMinutes: number;
  overBudgetWithoutApproval: number;
}

export interface HoursAgainstBudgets {
  month: string;
  clients: ClientHours[];
  /** Tickets worked this month; over budget without approval first, then by minutes. */
  tickets: TicketHours[];
}

/**
 * Hours billed in `month` against budgets: per client the month's total (monthlySummary under the
 * client's policy), per ticket worked that month its budget status (budgetStatus), with work past the
 * approved budget without the client's authorization flagged.
 */
export function hoursAgainstBudgets(input: {
  month: string;
  entries: readonly TimeEntry[];
  tickets: ReadonlyMap<string, { ticket: Ticket; policy: SupportPolicy }>;
  clientPolicies: ReadonlyMap<string, SupportPolicy>;
}): HoursAgainstBudgets {
  const perTicket = new Map<string, number>();
  for (const entry of input.entries) perTicket.set(entry.ticketId, (perTicket.get(entry.ticketId) ?? 0) + entry.billedMinutes);
  const tickets: TicketHours[] = [];
  for (const [ticketId, monthMinutes] of perTicket) {
    const found = input.tickets.get(ticketId);
    if (!found) continue;
    tickets.push({ ticketId, clientId: found.ticket.clientId, monthMinutes, budget: budgetStatus(found.ticket, found.policy) });
  }
  tickets.sort(
    (a, b) =>
      Number(b.budget.overBudgetWithoutApproval) - Number(a.budget.overBudgetWithoutApproval) ||
      b.monthMinutes - a.monthMinutes ||
      a.ticketId.localeCompare(b.ticketId),
  );
  const clients: ClientHours[] = [];
  for (const clientId of [...new Set(input.entries.map((e) => e.clientId))].sort()) {
    const policy = input.clientPolicies.get(clientId);
    if (!policy) continue;
    const summary = monthlySummary(input.entries, policy, clientId, input.month);
    const mine = tickets.filter((x) => x.clientId === clientId);
    clients.push({
      clientId,
      billedMinutes: billedMinutes(summary.total),
      amountCents: summary.total.amountCents,
      currency: summary.currency,
      hourlyRateCents: policy.billing.hourlyRateCents,
      budgetMinutes: mine.reduce((sum, x) => sum + x.budget.budgetMinutes, 0),
      overBudgetWithoutApproval: mine.filter((x) => x.budget.overBudgetWithoutApproval).length,
    });
  }
  return { month: input.month, clients, tickets };
}
