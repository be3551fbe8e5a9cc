import type { PolicyRegistry } from '../../shared/application/policy-registry';
import type { AfterHoursStore } from '../../shared/application/ports';
import type { SlaClockView, SlaSummary } from '../../shared/contract/api-contract';
import { slaStatus } from '../../shared/domain/sla';
import type { ClockStatus, SlaStatus } from '../../shared/domain/sla';
import type { SlaReader } from './ticket-view';
import { definedOnly } from '../../shared/domain/index';

function clockView(clock: ClockStatus): SlaClockView {
  return { state: clock.state, ...definedOnly({ dueAt: clock.breachAt }), remainingMinutes: Math.round(clock.remainingMinutes) };
}

/** The wire shape of the domain's SLA status. */
export function toSlaSummary(status: SlaStatus): SlaSummary {
  return { response: clockView(status.response), resolution: clockView(status.resolution) };
}

/** The domain's SLA status of a ticket under the policy it was opened with and its client's approved after-hours windows. */
export function createSlaReader(deps: {
  policies: Pick<PolicyRegistry, 'forTicket' | 'calendar'>;
  afterHours: AfterHoursStore;
}): SlaReader {
  return async (ticket, at) => {
    const policy = await deps.policies.forTicket(ticket);
    const windows = await deps.afterHours.listWindows({ clientId: ticket.clientId, status: 'approved' });
    return toSlaSummary(slaStatus(ticket, policy, deps.policies.calendar(policy, windows), at));
  };
}
