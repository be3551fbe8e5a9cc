import type { Request, Response, Server } from 'restify';
import { toProblem } from './problem-mapper';
import type { ApiDeps } from './api-deps';
import { registerBoardRoutes } from './board-routes';
import { registerDashboardRoutes } from './dashboard-routes';
import { registerRequesterRoutes } from './requester-routes';
import { registerSessionRoutes } from './session-routes';
import { registerStaffTicketRoutes } from './staff-ticket-routes';
import { registerTicketRoutes } from './ticket-routes';

/** The REST API under /api/v1, for the Outlook add-in and the SLA board tab. */
export function registerApiRoutes(server: Server, deps: ApiDeps): void {
  registerSessionRoutes(server, deps);
  registerTicketRoutes(server, deps);
  registerStaffTicketRoutes(server, deps);
  registerRequesterRoutes(server, deps);
  registerBoardRoutes(server, deps);
  registerDashboardRoutes(server, deps);
  // Errors restify raises itself under /api/v1 (bad JSON, unknown path, wrong method) also become problem details.
  server.on('restifyError', (req: Request, res: Response, error: unknown, done: () => void) => {
    if (req.path().startsWith('/api/v1/')) {
      const { problem, headers } = toProblem(error);
      res.sendRaw(problem.status, JSON.stringify(problem), { 'content-type': 'application/problem+json', ...headers });
    }
    done();
  });
}
