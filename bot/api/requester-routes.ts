import type { Server } from 'restify';
import type { DirectoryService } from '../../shared/application/directory-service';
import { isActiveAt } from '../../shared/application/requester-access';
import type { RequesterChangeView, RequesterView, SenderAuthorizationView } from '../../shared/domain/api/api-contract';
import type { AuthorizedRequester } from '../../shared/domain/requesters/directory-types';
import { isAllowed } from '../../shared/domain/ticket/permissions';
import { canSeeClient, isClientAdmin, type Caller } from '../auth/caller';
import type { ApiDeps } from './api-deps';
import { ApiProblem } from './api-problem';
import { AddRequesterSchema, DeactivateRequesterSchema, SenderQuerySchema } from './api-schemas';
import { authedRoute, json, queryOf } from './http-io';

/** The directory use cases the API calls (DirectoryService implements them, with their permission checks and audit). */
export type RequesterDirectory = Pick<DirectoryService, 'addRequester' | 'deactivateRequester' | 'listRequesters' | 'requesterHistory'>;

function toView(requester: AuthorizedRequester, now: Date): RequesterView {
  const { id, clientId, email, name, isClientAdmin: admin, effectiveFrom, effectiveTo } = requester;
  return { id, clientId, email, name, isClientAdmin: admin, effectiveFrom, effectiveTo, active: isActiveAt(requester, now) };
}

/** Reading the list: the client's administrator, or staff whose role manages requesters (the service checks writes). */
function assertCanList(caller: Caller, clientId: string): void {
  if (isClientAdmin(caller, clientId) || (caller.kind === 'staff' && isAllowed(caller.actor.role, 'manage-requesters'))) return;
  throw new ApiProblem(403, 'forbidden', 'Not allowed', `only an administrator of client ${clientId} may manage its requesters`);
}

/** The client-side person a change is audited as requested by. */
function onRequestOf(caller: Caller): string | undefined {
  return caller.kind === 'requester' ? caller.email : undefined;
}

export function registerRequesterRoutes(server: Server, deps: ApiDeps): void {
  const base = '/api/v1/clients/:clientId/requesters';

  /** Is this sender an authorized requester? Requesters only learn about their own client. */
  server.get('/api/v1/senders/authorization', authedRoute(deps.authenticator, async (caller, req) => {
    const { email } = SenderQuerySchema.parse(queryOf(req));
    const now = deps.clock.now();
    const records = (await deps.directory.findRequestersByEmail(email.toLowerCase())).filter((r) => isActiveAt(r, now) && canSeeClient(caller, r.clientId));
    const body: SenderAuthorizationView = { email: email.toLowerCase(), authorized: records.length > 0 };
    if (records[0]) {
      const client = await deps.directory.getClient(records[0].clientId);
      Object.assign(body, { clientId: records[0].clientId, clientName: client?.name });
    }
    return json(body);
  }));

  server.get(base, authedRoute(deps.authenticator, async (caller, req) => {
    assertCanList(caller, req.params.clientId);
    const now = deps.clock.now();
    return json({ requesters: (await deps.requesters.listRequesters(req.params.clientId)).map((r) => toView(r, now)) });
  }));

  /** The audit trail of the client's requesters: who changed whom, when, on whose request (the service checks who may read it). */
  server.get(`${base}/history`, authedRoute(deps.authenticator, async (caller, req) => {
    const changes: RequesterChangeView[] = await deps.requesters.requesterHistory(caller.actor, req.params.clientId);
    return json({ changes });
  }));

  server.post(base, authedRoute(deps.authenticator, async (caller, req) => {
    const input = AddRequesterSchema.parse(req.body ?? {});
    const requester = await deps.requesters.addRequester(caller.actor, { clientId: req.params.clientId, ...input, onRequestOf: onRequestOf(caller) });
    return json(toView(requester, deps.clock.now()), 201);
  }));

  server.post(`${base}/:requesterId/deactivate`, authedRoute(deps.authenticator, async (caller, req) => {
    const clientId: string = req.params.clientId;
    assertCanList(caller, clientId);
    const input = DeactivateRequesterSchema.parse(req.body ?? {});
    const requester = (await deps.requesters.listRequesters(clientId)).find((r) => r.id === req.params.requesterId);
    if (!requester) throw new ApiProblem(404, 'not-found', 'Not found', `requester ${req.params.requesterId} not found`);
    const updated = await deps.requesters.deactivateRequester(caller.actor, { clientId, email: requester.email, effective: input.effectiveTo ?? deps.clock.now().toISOString(), onRequestOf: onRequestOf(caller) });
    return json(toView(updated, deps.clock.now()));
  }));
}
