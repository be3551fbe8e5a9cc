import type { Server } from 'restify';
import type { ApiDeps } from './api-deps';
import { registerRequesterRoutes } from './requester-routes';
import { registerSessionRoutes } from './session-routes';
import { registerTicketRoutes } from './ticket-routes';

/** The REST API under /api/v1, for the Outlook add-in and the tab. */
export function registerApiRoutes(server: Server, deps: ApiDeps): void {
  registerSessionRoutes(server, deps);
  registerTicketRoutes(server, deps);
  registerRequesterRoutes(server, deps);
}
