import { NotAuthorizedError } from '../domain/common';
import { authorizedRequesterFor } from '../domain/requesters';
import type { AuthorizedRequester } from '../domain/requesters';
import type { Ticket } from '../domain/ticket';
import type { Actor } from '../domain/ticket';
import type { DirectoryStore } from './ports';

/** The requester's record for `clientId` active at `at`, if any (the domain's rule over the stored records). */
export async function activeRequester(
  directory: DirectoryStore,
  clientId: string,
  email: string,
  at: Date,
): Promise<AuthorizedRequester | undefined> {
  return authorizedRequesterFor({ id: clientId }, await directory.findRequestersByEmail(email.trim().toLowerCase()), email, at);
}

/**
 * A requester acts only on their own tickets, or on their client's tickets when they are its
 * administrator. Staff and the system are checked by the permission table alone.
 */
export async function assertTicketAccess(directory: DirectoryStore, actor: Actor, ticket: Ticket, at: Date): Promise<void> {
  if (actor.role !== 'requester') return;
  const email = actor.id.trim().toLowerCase();
  if (email === ticket.requesterEmail) return;
  const record = await activeRequester(directory, ticket.clientId, email, at);
  if (record?.isClientAdmin) return;
  throw new NotAuthorizedError(
    'requester',
    'act on this ticket',
    `requester ${email} may act only on their own tickets (ticket ${ticket.number} belongs to ${ticket.requesterEmail})`,
  );
}
