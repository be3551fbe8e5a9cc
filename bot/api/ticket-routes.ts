import type { Request, Server } from 'restify';
import type { TicketQuery } from '../../shared/application/ports';
import type { TicketRef } from '../../shared/application/ticket-commands';
import type { Ticket } from '../../shared/domain/ticket';
import type { TicketListView } from '../../shared/contract/api-contract';
import { canSeeTicket, type Caller } from '../auth/caller';
import { resolveRequester } from '../../shared/domain/requesters';
import type { ApiDeps } from './api-deps';
import { ApiProblem } from './api-problem';
import {
  ConfirmResolutionSchema,
  CreateTicketSchema,
  LookupQuerySchema,
  MineQuerySchema,
  ReasonSchema,
  RejectResolutionSchema,
} from './api-schemas';
import { composeDescription } from './compose-description';
import { authedRoute, etag, json, queryOf, requireIfMatch, type ApiResult } from './http-io';
import { assertVersion, visibleTicket } from './ticket-access';
import { toTicketView } from './ticket-view';
import { definedOnly } from '../../shared/domain/index';

const BASE = '/api/v1/tickets';

export function registerTicketRoutes(server: Server, deps: ApiDeps): void {
  const view = async (ticket: Ticket, status = 200): Promise<ApiResult> =>
    json(await toTicketView(ticket, deps.readSla, deps.clock.now()), status, etag(ticket.version));

  /** The ticket of a message or of its thread. */
  server.get(
    `${BASE}/lookup`,
    authedRoute(deps.authenticator, async (caller, req) =>
      view(await lookup(deps, caller, LookupQuerySchema.parse(queryOf(req)))),
    ),
  );

  server.get(
    `${BASE}/mine`,
    authedRoute(deps.authenticator, async (caller, req) => {
      const q = MineQuerySchema.parse(queryOf(req));
      const query: TicketQuery =
        caller.kind === 'requester'
          ? { clientId: caller.client.id, requesterEmail: caller.email, statuses: q.status, limit: q.limit, cursor: q.cursor }
          : { assigneeId: caller.staff.id, statuses: q.status, limit: q.limit, cursor: q.cursor };
      const page = await deps.tickets.list(query);
      const now = deps.clock.now();
      const body: TicketListView = {
        tickets: await Promise.all(page.tickets.map((t) => toTicketView(t, deps.readSla, now))),
        ...definedOnly({ next: page.next }),
      };
      return json(body);
    }),
  );

  server.get(
    `${BASE}/:id`,
    authedRoute(deps.authenticator, async (caller, req) => view(await visibleTicket(deps.tickets, caller, req.params.id))),
  );

  /** Records the open email as a ticket, idempotently by its Internet Message-ID. */
  server.post(
    BASE,
    authedRoute(deps.authenticator, async (caller, req) => {
      const input = CreateTicketSchema.parse(req.body ?? {});
      const existing = await deps.tickets.findBySourceMessageId(input.internetMessageId);
      if (existing) {
        if (!canSeeTicket(caller, existing))
          throw new ApiProblem(409, 'conflict', 'This email already belongs to another ticket');
        return view(existing, 200);
      }
      const { clientId, requesterEmail } = await ticketOwner(deps, caller, input.requesterEmail, input.clientId);
      const opened = await deps.commands.open(caller.actor, {
        clientId,
        requesterEmail,
        subject: input.subject,
        description: composeDescription(input),
        channel: 'addin',
        awaitingEmail: !input.supportHasEmail,
        priority: input.priority,
        incidentType: input.incidentType,
        sourceMessageId: input.internetMessageId,
        conversationId: input.conversationId,
      });
      // Mail intake may have recorded the same email a moment ago: hand it back only to those who may see it.
      if (!opened.created && !canSeeTicket(caller, opened.ticket))
        throw new ApiProblem(409, 'conflict', 'This email already belongs to another ticket');
      return view(opened.ticket, opened.created ? 201 : 200);
    }),
  );

  const write = (path: string, act: (caller: Caller, ref: TicketRef, req: Request) => Promise<Ticket>) =>
    server.post(
      `${BASE}/:id/${path}`,
      authedRoute(deps.authenticator, async (caller, req) => {
        const expectedVersion = requireIfMatch(req);
        const ticket = await visibleTicket(deps.tickets, caller, req.params.id);
        assertVersion(ticket, expectedVersion);
        return view(await act(caller, { ticketId: ticket.id, expectedVersion }, req));
      }),
    );

  write('resolution/confirm', (caller, ref, req) => {
    const body = ConfirmResolutionSchema.parse(req.body ?? {});
    return deps.commands.validateResolution(caller.actor, ref, body.note, body.clientMessageId);
  });
  write('resolution/reject', (caller, ref, req) => {
    const body = RejectResolutionSchema.parse(req.body ?? {});
    return deps.commands.rejectResolution(caller.actor, ref, body.reason, body.clientMessageId);
  });
  write('budget-extensions/:requestId/approve', (caller, ref, req) =>
    deps.commands.approveBudgetExtension(caller.actor, ref, req.params.requestId),
  );
  write('budget-extensions/:requestId/refuse', (caller, ref, req) =>
    deps.commands.refuseBudgetExtension(caller.actor, ref, req.params.requestId, ReasonSchema.parse(req.body ?? {}).reason),
  );
}

async function lookup(
  deps: ApiDeps,
  caller: Caller,
  query: { internetMessageId?: string | undefined; conversationId?: string | undefined },
): Promise<Ticket> {
  if (query.internetMessageId) {
    const ticket = await deps.tickets.findBySourceMessageId(query.internetMessageId);
    if (ticket && canSeeTicket(caller, ticket)) return ticket;
  }
  if (query.conversationId) {
    const scope = caller.kind === 'requester' ? { clientId: caller.client.id } : {};
    // A thread may carry several tickets; the caller gets the latest one they may see.
    const page = await deps.tickets.list({ conversationId: query.conversationId, ...scope, limit: 50 });
    const ticket = page.tickets.find((t) => canSeeTicket(caller, t));
    if (ticket) return ticket;
  }
  throw new ApiProblem(404, 'not-found', 'Not found', 'no ticket for this message or thread');
}

/**
 * Requesters raise tickets for themselves; staff raise them for an authorized sender, at the client they
 * name (`clientId`), or at the one client that authorizes the sender: never the first record found.
 */
async function ticketOwner(
  deps: ApiDeps,
  caller: Caller,
  requesterEmail: string | undefined,
  clientId: string | undefined,
): Promise<{ clientId: string; requesterEmail: string }> {
  if (caller.kind === 'requester') return { clientId: caller.client.id, requesterEmail: caller.email };
  if (!requesterEmail)
    throw new ApiProblem(
      400,
      'validation',
      'The request is not valid',
      'requesterEmail: staff must name the sender the ticket is for',
    );
  const email = requesterEmail.toLowerCase();
  const resolved = resolveRequester(await deps.directory.findRequestersByEmail(email), email, deps.clock.now(), clientId);
  if (resolved.kind === 'ambiguous')
    throw new ApiProblem(
      422,
      'ambiguous-requester',
      'The sender is a requester of several clients',
      `${email} is an authorized requester of ${resolved.clientIds.join(' and ')}: name the client in clientId`,
    );
  if (resolved.kind === 'none')
    throw new ApiProblem(
      422,
      'unauthorized-sender',
      'The sender is not an authorized requester',
      `${email} is not an authorized requester of ${clientId ?? 'any client'}`,
    );
  return { clientId: resolved.requester.clientId, requesterEmail: email };
}
