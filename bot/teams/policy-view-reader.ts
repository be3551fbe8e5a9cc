import type { PolicyRegistry } from '../../shared/application/policy-registry';
import { contactAttemptStatus } from '../../shared/domain/ticket';
import type { Ticket } from '../../shared/domain/ticket';
import { INCIDENT_TYPES } from '../../shared/domain/ticket';
import type { TicketPolicyView } from '../cards/ticket-policy-view';

/** What the ticket's policy says about it at an instant (contact attempts, triage's budget ranges). */
export type PolicyViewOf = (ticket: Ticket, at: Date) => Promise<TicketPolicyView>;

export function createPolicyViewReader(deps: { policies: Pick<PolicyRegistry, 'forTicket' | 'calendar'> }): PolicyViewOf {
  return async (ticket, at) => {
    const policy = await deps.policies.forTicket(ticket);
    const budgetRanges = Object.fromEntries(
      INCIDENT_TYPES.map((type) => [
        type,
        { minMinutes: policy.resolution[type].minMinutes, maxMinutes: policy.resolution[type].maxMinutes },
      ]),
    ) as TicketPolicyView['budgetRanges'];
    return { contact: contactAttemptStatus(ticket, policy, deps.policies.calendar(policy), at), budgetRanges };
  };
}
