import type { SupportPolicy } from '../policy/support-policy';
import type { Ticket } from '../ticket/ticket';
import type { NewTicketEvent, TicketEvent } from '../ticket/ticket-event';

export interface BudgetStatus {
  /** Approved budget: the estimate plus approved extensions. */
  budgetMinutes: number;
  consumedMinutes: number;
  remainingMinutes: number;
  /** consumed / budget, whole percent rounded down. */
  percent: number;
  /** The policy's alert percentages already reached. */
  alertsReached: number[];
  pendingExtension?: Ticket['pendingExtension'];
  /** Consumed more than the approved budget: work went past it without the client's authorization. */
  overBudgetWithoutApproval: boolean;
}

/** Budget consumed vs approved for a ticket (consumedMinutes is kept by applyEvent from billing events). */
export function budgetStatus(
  ticket: Pick<Ticket, 'budgetMinutes' | 'consumedMinutes' | 'pendingExtension'>,
  policy: SupportPolicy,
): BudgetStatus {
  const { budgetMinutes, consumedMinutes } = ticket;
  const percent = budgetMinutes > 0 ? Math.floor((consumedMinutes * 100) / budgetMinutes) : 0;
  const status: BudgetStatus = {
    budgetMinutes,
    consumedMinutes,
    remainingMinutes: budgetMinutes - consumedMinutes,
    percent,
    alertsReached: policy.budgetAlertPercents.filter((p) => consumedMinutes * 100 >= p * budgetMinutes),
    overBudgetWithoutApproval: consumedMinutes > budgetMinutes,
  };
  if (ticket.pendingExtension) status.pendingExtension = ticket.pendingExtension;
  return status;
}

/** Alert percentages crossed by going from `beforeMinutes` to `afterMinutes` consumed (each fires once). */
export function budgetAlertsCrossed(
  beforeMinutes: number,
  afterMinutes: number,
  budgetMinutes: number,
  policy: SupportPolicy,
): number[] {
  return policy.budgetAlertPercents.filter(
    (p) => beforeMinutes * 100 < p * budgetMinutes && afterMinutes * 100 >= p * budgetMinutes,
  );
}

export interface ExtensionRequest {
  requestId: string;
  minutes: number;
  reason: string;
  requestedAt: string;
  status: 'pending' | 'approved' | 'refused';
  decidedAt?: string;
  approvedMinutes?: number;
  refusalReason?: string;
}

/** The budget-extension requests of a ticket's log with their outcome, in order. */
export function extensionRequests(events: ReadonlyArray<NewTicketEvent | TicketEvent>): ExtensionRequest[] {
  const byId = new Map<string, ExtensionRequest>();
  for (const event of events) {
    if (event.type === 'budget-extension-requested') {
      byId.set(event.data.requestId, {
        requestId: event.data.requestId,
        minutes: event.data.minutes,
        reason: event.data.reason,
        requestedAt: event.at,
        status: 'pending',
      });
    } else if (event.type === 'budget-extension-approved' || event.type === 'budget-extension-refused') {
      const request = byId.get(event.data.requestId);
      if (!request) continue;
      request.decidedAt = event.at;
      if (event.type === 'budget-extension-approved') {
        request.status = 'approved';
        request.approvedMinutes = event.data.minutes;
      } else {
        request.status = 'refused';
        if (event.data.reason !== undefined) request.refusalReason = event.data.reason;
      }
    }
  }
  return [...byId.values()];
}
