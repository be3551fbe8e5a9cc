import type { Server } from 'restify';
import type { DirectoryService } from '../../shared/application/directory-service';
import { isEffective, resolveRequester } from '../../shared/domain/requesters';
import type { RequesterChangeView, RequesterView, SenderAuthorizationView } from '../../shared/contract/api-contract';
import type { AuthorizedRequester } from '../../shared/domain/requesters';
import type { Caller } from '../auth/caller';
import type { ApiDeps } from './api-deps';
import { ApiProblem } from './api-problem';
import { AddRequesterSchema, DeactivateRequesterSchema, SenderQuerySchema } from './api-schemas';
import { clientRoute } from './client-scope';
import { authedRoute, json, queryOf } from './http-io';
import { definedOnly } from '../../shared/domain/index';

/** The directory use cases the API calls (DirectoryService implements them, with their permission checks and audit). */
export type RequesterDirectory = Pick<
  DirectoryService,
  'addRequester' | 'deactivateRequester' | 'listRequesters' | 'requesterHistory'
>;

function toView(requester: AuthorizedRequester, now: Date): RequesterView {
  const { id, clientId, email, name, isClientAdmin: admin, effectiveFrom, effectiveTo } = requester;
  return {
    id,
    clientId,
    email,
    name,
    isClientAdmin: admin,
    effectiveFrom,
    ...definedOnly({ effectiveTo }),
    active: isEffective(requester, now),
  };
}

/** The client-side person a change is audited as requested by. */
function onRequestOf(caller: Caller): string | undefined {
  return caller.kind === 'requester' ? caller.email : undefined;
}

export function registerRequesterRoutes(server: Server, deps: ApiDeps): void {
  const base = '/api/v1/clients/:clientId/requesters';

  /**
   * Is this sender an authorized requester? Requesters only learn about their own client. A sender
   * authorized at several clients is answered for the `clientId` asked about, else without a client.
   */
  server.get(
    '/api/v1/senders/authorization',
    authedRoute(deps.authenticator, async (caller, req) => {
      const { email, clientId } = SenderQuerySchema.parse(queryOf(req));
      const scope = caller.kind === 'requester' ? caller.client.id : clientId;
      if (caller.kind === 'requester' && clientId && clientId !== scope)
        throw new ApiProblem(403, 'forbidden', 'Not allowed', 'requesters may ask only about their own client');
      const address = email.toLowerCase();
      const resolved = resolveRequester(await deps.directory.findRequestersByEmail(address), address, deps.clock.now(), scope);
      const body: SenderAuthorizationView = { email: address, authorized: resolved.kind !== 'none' };
      if (resolved.kind === 'authorized') {
        const client = await deps.directory.getClient(resolved.requester.clientId);
        Object.assign(body, { clientId: resolved.requester.clientId, clientName: client?.name });
      }
      return json(body);
    }),
  );

  // Every verb under the client goes through the same check (client-scope.ts).
  clientRoute(server, 'get', base, deps, async (_caller, client) => {
    const now = deps.clock.now();
    return json({ requesters: (await deps.requesters.listRequesters(client.id)).map((r) => toView(r, now)) });
  });

  /** The audit trail of the client's requesters: who changed whom, when, on whose request. */
  clientRoute(server, 'get', `${base}/history`, deps, async (caller, client) => {
    const changes: RequesterChangeView[] = await deps.requesters.requesterHistory(caller.actor, client.id);
    return json({ changes });
  });

  clientRoute(server, 'post', base, deps, async (caller, client, req) => {
    const input = AddRequesterSchema.parse(req.body ?? {});
    const requester = await deps.requesters.addRequester(caller.actor, {
      clientId: client.id,
      ...input,
      onRequestOf: onRequestOf(caller),
    });
    return json(toView(requester, deps.clock.now()), 201);
  });

  clientRoute(server, 'post', `${base}/:requesterId/deactivate`, deps, async (caller, client, req) => {
    const input = DeactivateRequesterSchema.parse(req.body ?? {});
    const requester = (await deps.requesters.listRequesters(client.id)).find((r) => r.id === req.params.requesterId);
    if (!requester) throw new ApiProblem(404, 'not-found', 'Not found', `requester ${req.params.requesterId} not found`);
    const updated = await deps.requesters.deactivateRequester(caller.actor, {
      clientId: client.id,
      email: requester.email,
      effective: input.effectiveTo ?? deps.clock.now().toISOString(),
      onRequestOf: onRequestOf(caller),
    });
    return json(toView(updated, deps.clock.now()));
  });
}
