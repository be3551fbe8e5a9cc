import type { Server } from 'restify';
import type { RequesterView, SenderAuthorizationView } from '../../shared/domain/api/api-contract';
import type { AuthorizedRequester } from '../../shared/domain/requesters/directory-types';
import { canSeeClient, isClientAdmin, type Caller } from '../auth/caller';
import { isActiveAt } from '../../shared/application/requester-access';
import type { ApiDeps } from './api-deps';
import { ApiProblem } from './api-problem';
import { AddRequesterSchema, DeactivateRequesterSchema, SenderQuerySchema } from './api-schemas';
import { authedRoute, json, queryOf } from './http-io';

function toView(requester: AuthorizedRequester, now: Date): RequesterView {
  const { id, clientId, email, name, isClientAdmin: admin, effectiveFrom, effectiveTo } = requester;
  return { id, clientId, email, name, isClientAdmin: admin, effectiveFrom, effectiveTo, active: isActiveAt(requester, now) };
}

/** The client's administrator (or partner staff) manages the client's authorized requesters; others get 403. */
function assertCanManage(caller: Caller, clientId: string): void {
  if (caller.kind === 'staff' || isClientAdmin(caller, clientId)) return;
  throw new ApiProblem(403, 'forbidden', 'Not allowed', `only an administrator of client ${clientId} may manage its requesters`);
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
    assertCanManage(caller, req.params.clientId);
    const now = deps.clock.now();
    return json({ requesters: (await deps.directory.listRequesters(req.params.clientId)).map((r) => toView(r, now)) });
  }));

  server.post(base, authedRoute(deps.authenticator, async (caller, req) => {
    const clientId: string = req.params.clientId;
    assertCanManage(caller, clientId);
    const input = AddRequesterSchema.parse(req.body ?? {});
    if (!(await deps.directory.getClient(clientId))) throw new ApiProblem(404, 'not-found', 'Not found', `client ${clientId} not found`);
    const now = deps.clock.now();
    const email = input.email.toLowerCase();
    const current = (await deps.directory.listRequesters(clientId)).find((r) => r.email === email && isActiveAt(r, now));
    if (current) throw new ApiProblem(409, 'conflict', 'Already authorized', `${email} is already an authorized requester of ${clientId}`);
    const requester: AuthorizedRequester = {
      id: deps.ids.newId(), clientId, email, name: input.name, locale: input.locale, isClientAdmin: input.isClientAdmin, effectiveFrom: input.effectiveFrom ?? now.toISOString(),
    };
    await deps.directory.putRequester(requester);
    await deps.directory.appendAudit({
      id: deps.ids.newId(), at: now.toISOString(), actorId: caller.actor.id, action: 'requester.added', subject: `requester:${requester.id}`,
      onRequestOf: caller.kind === 'requester' ? caller.email : undefined, detail: { clientId, email, isClientAdmin: requester.isClientAdmin, effectiveFrom: requester.effectiveFrom, channel: 'addin' },
    });
    return json(toView(requester, now), 201);
  }));

  server.post(`${base}/:requesterId/deactivate`, authedRoute(deps.authenticator, async (caller, req) => {
    const clientId: string = req.params.clientId;
    assertCanManage(caller, clientId);
    const input = DeactivateRequesterSchema.parse(req.body ?? {});
    const requester = (await deps.directory.listRequesters(clientId)).find((r) => r.id === req.params.requesterId);
    if (!requester) throw new ApiProblem(404, 'not-found', 'Not found', `requester ${req.params.requesterId} not found`);
    const now = deps.clock.now();
    const effectiveTo = input.effectiveTo ?? now.toISOString();
    if (Date.parse(effectiveTo) < Date.parse(requester.effectiveFrom)) throw new ApiProblem(400, 'validation', 'The request is not valid', 'effectiveTo: must not be before the requester\'s effectiveFrom');
    if (requester.effectiveTo && Date.parse(requester.effectiveTo) <= now.getTime()) throw new ApiProblem(409, 'conflict', 'Already deactivated', `requester ${requester.email} was deactivated at ${requester.effectiveTo}`);
    const updated = { ...requester, effectiveTo };
    await deps.directory.putRequester(updated);
    await deps.directory.appendAudit({
      id: deps.ids.newId(), at: now.toISOString(), actorId: caller.actor.id, action: 'requester.deactivated', subject: `requester:${requester.id}`,
      onRequestOf: caller.kind === 'requester' ? caller.email : undefined, detail: { clientId, email: requester.email, effectiveTo, reason: input.reason, channel: 'addin' },
    });
    return json(toView(updated, now));
  }));
}
