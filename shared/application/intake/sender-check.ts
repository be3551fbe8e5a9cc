import { isEffective, resolveRequester } from '../../domain/requesters';
import type { AuthorizedRequester, Client } from '../../domain/requesters';
import type { DirectoryStore } from '../ports';

export type SenderCheck =
  | { authorized: true; requester: AuthorizedRequester; client: Client }
  | {
      authorized: false;
      /** The client the sender seems to belong to (a record now inactive, or the address's domain). */
      client?: Client;
      /** Who can ask us to authorize them: the client's administrators active now. */
      authorizers: Array<{ name: string; email: string }>;
      /** Set when several clients authorize the sender and the message names none: a manager decides. */
      ambiguousClients?: Client[];
    };

/**
 * Is `email` an authorized requester at `at` (the instant Soporte received the message)? The domain's
 * resolveRequester decides: only an active record counts (an address on a client's domain is not
 * enough); when the ticket's client is known (a reply), only that client's record; a sender authorized
 * at several clients on a new message is `ambiguousClients`, never the first record found. For someone
 * unauthorized, finds their likely client (an expired record, else the domain) and its administrators,
 * whom the polite reply names.
 */
export async function checkSender(directory: DirectoryStore, email: string, at: Date, clientId?: string): Promise<SenderCheck> {
  const address = email.trim().toLowerCase();
  // The clients (a short list) are read with the sender's records: every answer below names one.
  const [records, clients] = await Promise.all([directory.findRequestersByEmail(address), directory.listClients()]);
  const clientOf = (id: string) => clientById(clients, id);
  const resolved = resolveRequester(records, address, at, clientId);
  if (resolved.kind === 'authorized') {
    const client = clientOf(resolved.requester.clientId);
    if (client) return { authorized: true, requester: resolved.requester, client };
  }
  if (resolved.kind === 'ambiguous') {
    const ambiguousClients = resolved.clientIds.map(clientOf).filter((c): c is Client => c !== undefined);
    return { authorized: false, authorizers: [], ambiguousClients };
  }
  const client = likelyClient(clients, address, records, clientId);
  if (!client) return { authorized: false, authorizers: [] };
  const admins = (await directory.listRequesters(client.id)).filter(
    (r) => r.isClientAdmin && isEffective(r, at) && r.email !== address,
  );
  return { authorized: false, client, authorizers: admins.map((r) => ({ name: r.name, email: r.email })) };
}

function likelyClient(clients: Client[], address: string, records: AuthorizedRequester[], clientId?: string): Client | undefined {
  const id = clientId ?? records[0]?.clientId;
  if (id) return clientById(clients, id);
  const domain = address.slice(address.lastIndexOf('@') + 1);
  return clients.find((c) => c.domains.some((d) => d.toLowerCase() === domain));
}

function clientById(clients: Client[], id: string): Client | undefined {
  return clients.find((c) => c.id === id);
}
