import type { ContactAttemptStatus } from '../../shared/domain/ticket';
import type { IncidentType } from '../../shared/domain/ticket';

/** What the ticket's policy says about it now, for the card: contact attempts and the budget ranges of triage. */
export interface TicketPolicyView {
  contact: ContactAttemptStatus;
  budgetRanges: Record<IncidentType, { minMinutes: number; maxMinutes: number }>;
}
