import type { BillingService } from '../../shared/application/billing-service';
import type { AlertLedger, Clock, DirectoryStore, StateStore } from '../../shared/application/ports';
import type { TicketCommands } from '../../shared/application/ticket-commands';
import type { TicketQueryService } from '../../shared/application/ticket-query-service';
import type { StatementReview } from './card-actions/statement-actions';
import type { SlaSummary } from '../../shared/contract/api-contract';
import type { SlaExplanation } from '../../shared/domain/sla';
import type { Ticket } from '../../shared/domain/ticket';
import type { PolicyViewOf } from './policy-view-reader';
import type { TicketEvent } from '../../shared/domain/ticket';

/** Reads both SLA clocks of a ticket at an instant. */
export type SlaOf = (ticket: Ticket, at: Date) => Promise<SlaSummary>;
/** Explains both SLA clocks of a ticket at an instant (spans counted, closed hours, holidays, pauses). */
export type ExplainSlaOf = (ticket: Ticket, at: Date) => Promise<SlaExplanation>;

/** Everything the Teams bot needs, given by the composition root (bot/main.ts) or a test. */
export interface TeamsBotDeps {
  /** The ticket use cases, recording `teams` as the channel. */
  tickets: TicketCommands;
  queries: Pick<TicketQueryService, 'queue' | 'mine' | 'byNumber' | 'byId'>;
  billing: Pick<BillingService, 'hoursReport'>;
  /** Monthly statements a manager sends or holds from their card (absent: those actions say so). */
  statements?: StatementReview;
  slaOf: SlaOf;
  /** Contact attempts and budget ranges under the ticket's policy (the card offers only what it allows). */
  policyViewOf: PolicyViewOf;
  explainSla: ExplainSlaOf;
  directory: DirectoryStore;
  state: StateStore;
  /** Claims each card action once (a double click or a retry never bills or emails twice). */
  alerts: AlertLedger;
  /** A ticket's event log (the ticket card shows the client's latest message). */
  ticketEvents?: (ticketId: string) => Promise<TicketEvent[]>;
  clock: Clock;
  /** Zone instants are shown in (the support calendar's). */
  timeZone: string;
}
