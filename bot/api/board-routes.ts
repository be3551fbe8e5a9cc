import type { Server } from 'restify';
import type { TicketQueryService } from '../../shared/application/ticket-query-service';
import type { BoardView } from '../../shared/contract/api-contract';
import type { ApiDeps } from './api-deps';
import { ApiProblem } from './api-problem';
import { authedRoute, json } from './http-io';
import { toSlaSummary } from './sla-reader';
import { ticketViewWith } from './ticket-view';

/** The staff queue by SLA urgency (TicketQueryService implements it). */
export type BoardQueries = Pick<TicketQueryService, 'queue'>;

/** The managers' SLA board (the Teams tab): every open ticket with its clocks, most urgent first. Staff only. */
export function registerBoardRoutes(server: Server, deps: ApiDeps): void {
  server.get(
    '/api/v1/board',
    authedRoute(deps.authenticator, async (caller) => {
      if (caller.kind !== 'staff')
        throw new ApiProblem(403, 'forbidden', 'Not allowed', 'the SLA board is for the support staff');
      const [queue, clients, staff] = await Promise.all([
        deps.queries.queue(caller.actor, { limit: 200 }),
        deps.directory.listClients(),
        deps.directory.listStaff(),
      ]);
      const body: BoardView = {
        generatedAt: deps.clock.now().toISOString(),
        tickets: queue.map(({ ticket, sla }) => ticketViewWith(ticket, toSlaSummary(sla))),
        clientNames: Object.fromEntries(
          clients.filter((c) => queue.some((x) => x.ticket.clientId === c.id)).map((c) => [c.id, c.name]),
        ),
        staffNames: Object.fromEntries(
          staff.filter((s) => queue.some((x) => x.ticket.assigneeId === s.id)).map((s) => [s.id, s.name]),
        ),
      };
      return json(body);
    }),
  );
}
