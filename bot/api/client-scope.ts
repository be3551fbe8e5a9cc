import type { Server, Request } from 'restify';
import { authorizedRequesterFor } from '../../shared/domain/requesters';
import type { Client } from '../../shared/domain/requesters';
import { isAllowed } from '../../shared/domain/ticket';
import type { Caller } from '../auth/caller';
import type { ApiDeps } from './api-deps';
import { ApiProblem } from './api-problem';
import { authedRoute, type ApiResult } from './http-io';

type ScopeDeps = Pick<ApiDeps, 'directory' | 'clock' | 'tenantOf'>;

/**
 * THE check of every client-scoped route (`/api/v1/clients/:clientId/...`), the same for every verb.
 * Staff: a role that manages requesters. A client's person: signed in with a token of that client's own
 * tenant, and an administrator of that client now, resolved from that client's records (never from the
 * client their token happened to resolve to first). Anyone else: 403, the same answer whether the client
 * exists or not.
 */
export async function assertClientAdministrator(deps: ScopeDeps, caller: Caller, clientId: string): Promise<Client> {
  const client = await deps.directory.getClient(clientId);
  if (caller.kind === 'staff') {
    if (!isAllowed(caller.actor.role, 'manage-requesters'))
      throw new ApiProblem(403, 'forbidden', 'Not allowed', `role ${caller.actor.role} may not manage requesters`);
    if (!client) throw new ApiProblem(404, 'not-found', 'Not found', `client ${clientId} not found`);
    return client;
  }
  const tenant = client && (deps.tenantOf ? deps.tenantOf(client) : client.tenantId);
  const record =
    client && tenant === caller.tenantId
      ? authorizedRequesterFor(client, await deps.directory.findRequestersByEmail(caller.email), caller.email, deps.clock.now())
      : undefined;
  if (!client || !record?.isClientAdmin) {
    throw new ApiProblem(
      403,
      'forbidden',
      'Not allowed',
      `only an administrator of client ${clientId}, signed in from that client's tenant, may manage its requesters`,
    );
  }
  return client;
}

/** A client-scoped route: authenticated, then assertClientAdministrator for the route's client, then `handler`. */
export function clientRoute(
  server: Server,
  method: 'get' | 'post',
  path: string,
  deps: ScopeDeps & Pick<ApiDeps, 'authenticator'>,
  handler: (caller: Caller, client: Client, req: Request) => Promise<ApiResult>,
): void {
  server[method](
    path,
    authedRoute(deps.authenticator, async (caller, req) =>
      handler(caller, await assertClientAdministrator(deps, caller, req.params.clientId), req),
    ),
  );
}
