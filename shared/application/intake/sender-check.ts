import type { AuthorizedRequester, Client } from '../../domain/requesters/directory-types';
import type { DirectoryStore } from '../ports';
import { isActiveAt } from '../requester-access';

export type SenderCheck =
  | { authorized: true; requester: AuthorizedRequester; client: Client }
  | {
      authorized: false;
      /** The client the sender seems to belong to (a record now inactive, or the address's domain). */
      client?: Client;
      /** Who can ask us to authorize them: the client's administrators active now. */
      authorizers: Array<{ name: string; email: string }>;
    };

/**
 * Is `email` an authorized requester at `at`? Only an active requester record counts: an address on a
 * client's domain is not enough. When a ticket's client is known (a reply), the record must be of that
 * client. For someone unauthorized, finds their likely client (an expired record, else the domain) and
 * its administrators, whom the polite reply names.
 */
export async function checkSender(directory: DirectoryStore, email: string, at: Date, clientId?: string): Promise<SenderCheck> {
  const address = email.trim().toLowerCase();
  const records = await directory.findRequestersByEmail(address);
  const active = records.filter((r) => isActiveAt(r, at) && (clientId === undefined || r.clientId === clientId));
  for (const requester of active) {
    const client = await directory.getClient(requester.clientId);
    if (client) return { authorized: true, requester, client };
  }
  const client = await likelyClient(directory, address, records, clientId);
  if (!client) return { authorized: false, authorizers: [] };
  const admins = (await directory.listRequesters(client.id)).filter((r) => r.isClientAdmin && isActiveAt(r, at) && r.email !== address);
  return { authorized: false, client, authorizers: admins.map((r) => ({ name: r.name, email: r.email })) };
}

async function likelyClient(directory: DirectoryStore, address: string, records: AuthorizedRequester[], clientId?: string): Promise<Client | undefined> {
  const id = clientId ?? records[0]?.clientId;
  if (id) return directory.getClient(id);
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return (await directory.listClients()).find((c) => c.domains.some((d) => d.toLowerCase() === domain));
}
