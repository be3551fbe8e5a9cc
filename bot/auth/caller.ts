import type { Ticket } from '../../shared/domain/ticket';
import type { Actor } from '../../shared/domain/ticket';
import type { AuthorizedRequester, Client, Staff } from '../../shared/domain/requesters';

/** An authenticated API caller: a partner staff member, or an authorized requester of one client. */
export type Caller =
  | { kind: 'staff'; actor: Actor; email: string; tenantId: string; staff: Staff }
  | { kind: 'requester'; actor: Actor; email: string; tenantId: string; requester: AuthorizedRequester; client: Client };

/**
 * Staff see every ticket; a requester sees their own tickets, and the client's administrator sees all of
 * the client's tickets (the same rule the ticket service applies to their actions). Never another client's.
 */
export function canSeeTicket(caller: Caller, ticket: Pick<Ticket, 'clientId' | 'requesterEmail'>): boolean {
  if (caller.kind === 'staff') return true;
  return caller.client.id === ticket.clientId && (caller.requester.isClientAdmin || ticket.requesterEmail === caller.email);
}
