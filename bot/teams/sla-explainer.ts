import type { PolicyRegistry } from '../../shared/application/policy-registry';
import type { AfterHoursStore, TicketStore } from '../../shared/application/ports';
import { explainSla } from '../../shared/domain/sla';
import type { ExplainSlaOf } from './teams-bot-deps';

/** The domain's SLA explanation of a ticket, under its policy, its client's approved after-hours windows and its event log. */
export function createSlaExplainer(deps: {
  policies: Pick<PolicyRegistry, 'forTicket' | 'calendar'>;
  afterHours: AfterHoursStore;
  tickets: Pick<TicketStore, 'events'>;
}): ExplainSlaOf {
  return async (ticket, at) => {
    const [policy, windows, events] = await Promise.all([
      deps.policies.forTicket(ticket),
      deps.afterHours.listWindows({ clientId: ticket.clientId, status: 'approved' }),
      deps.tickets.events(ticket.id),
    ]);
    return explainSla(ticket, events, policy, deps.policies.calendar(policy, windows), at);
  };
}
